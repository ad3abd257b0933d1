package coaching.ledger.platform.sealing;

import coaching.ledger.kernel.sealing.SealedField;
import coaching.ledger.platform.testing.InMemoryClientDataKeys;
import com.google.crypto.tink.DeterministicAead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.daead.DeterministicAeadConfig;
import com.google.crypto.tink.subtle.AesSiv;
import org.junit.jupiter.api.Test;

import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SealerTest {

    private static final SealedField NOTES = new SealedField("client-cara", "eng-42", "SessionLogged", "s-1", "notes");

    private final InMemoryClientDataKeys keys = new InMemoryClientDataKeys();
    private final Sealer sealer = new Sealer(keys);

    @Test
    void anEnvelopeOpensWhereItWasSealedAndShowsNoText() {
        String envelope = sealer.seal(NOTES, "talked about the reorganisation");

        assertThat(envelope).startsWith(Sealer.PREFIX).doesNotContain("reorganisation");
        assertThat(Sealer.isEnvelope(envelope)).isTrue();
        assertThat(sealer.open(NOTES, envelope)).isEqualTo("talked about the reorganisation");
    }

    @Test
    void theSameTextForTheSameFieldSealsAlikeSoARetryBuildsTheSameEvent() {
        assertThat(sealer.seal(NOTES, "same")).isEqualTo(sealer.seal(NOTES, "same"));
    }

    @Test
    void theSameTextElsewhereSealsDifferentlySoEnvelopesCannotBeCompared() {
        String here = sealer.seal(NOTES, "same");

        assertThat(sealer.seal(withRecord("s-2"), "same")).isNotEqualTo(here);
        assertThat(sealer.seal(new SealedField("client-cara", "eng-42", "SessionLogged", "s-1", "comment"), "same"))
                .isNotEqualTo(here);
        assertThat(sealer.seal(new SealedField("client-carl", "eng-42", "SessionLogged", "s-1", "notes"), "same"))
                .isNotEqualTo(here);
    }

    @Test
    void anEnvelopeMovedToAnotherRecordFieldEventOrClientDoesNotOpen() {
        String envelope = sealer.seal(NOTES, "confidential");
        keys.keyFor("client-carl");

        for (SealedField elsewhere : new SealedField[] {
            withRecord("s-2"),
            new SealedField("client-cara", "eng-43", "SessionLogged", "s-1", "notes"),
            new SealedField("client-cara", "eng-42", "UpdateShared", "s-1", "notes"),
            new SealedField("client-cara", "eng-42", "SessionLogged", "s-1", "content"),
            new SealedField("client-carl", "eng-42", "SessionLogged", "s-1", "notes")
        }) {
            assertThatThrownBy(() -> sealer.open(elsewhere, envelope))
                    .isInstanceOf(Sealer.UnreadableEnvelope.class)
                    .hasMessageNotContaining("confidential");
        }
    }

    @Test
    void anAlteredEnvelopeDoesNotOpen() {
        String envelope = sealer.seal(NOTES, "confidential");
        char last = envelope.charAt(envelope.length() - 1);
        String altered = envelope.substring(0, envelope.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThatThrownBy(() -> sealer.open(NOTES, altered)).isInstanceOf(Sealer.UnreadableEnvelope.class);
        assertThatThrownBy(() -> sealer.open(NOTES, Sealer.PREFIX + "not base64 !"))
                .isInstanceOf(Sealer.UnreadableEnvelope.class);
    }

    @Test
    void textStoredBeforeSealingAndNullPassThrough() {
        assertThat(sealer.open(NOTES, "written before sealing existed")).isEqualTo("written before sealing existed");
        assertThat(sealer.seal(NOTES, null)).isNull();
        assertThat(sealer.open(NOTES, null)).isNull();
    }

    @Test
    void withoutTheClientsKeyNothingOpens() {
        String envelope = sealer.seal(NOTES, "confidential");
        keys.destroy("client-cara");

        assertThatThrownBy(() -> sealer.open(NOTES, envelope)).isInstanceOf(Sealer.UnreadableEnvelope.class);
    }

    /**
     * Known answer: a fixed AES-256-SIV keyset and field give exactly this envelope, so the format
     * (prefix, base64url, Tink's key prefix, the encoding of the associated data) cannot drift
     * without this test noticing, and envelopes written today open after any refactoring.
     */
    @Test
    void knownAnswer() throws GeneralSecurityException {
        DeterministicAeadConfig.register();
        DeterministicAead fixed = TinkJsonProtoKeysetFormat.parseKeyset(FIXED_KEYSET, InsecureSecretKeyAccess.get())
                .getPrimitive(RegistryConfiguration.get(), DeterministicAead.class);
        Sealer withFixedKey = new Sealer(new ClientDataKeys() {
            @Override
            public DeterministicAead keyFor(String clientId) {
                return fixed;
            }

            @Override
            public Optional<DeterministicAead> existingKeyFor(String clientId) {
                return Optional.of(fixed);
            }

            @Override
            public boolean isErased(String clientId) {
                return false;
            }

            @Override
            public void holdAgainstErasure(String clientId) {}

            @Override
            public void erase(String clientId, String erasureId) {
                throw new UnsupportedOperationException("a fixed key is never erased");
            }

            @Override
            public void reauthorise(String clientId) {}
        });

        assertThat(withFixedKey.seal(NOTES, "known answer")).isEqualTo(KNOWN_ENVELOPE);
        assertThat(withFixedKey.open(NOTES, KNOWN_ENVELOPE)).isEqualTo("known answer");
    }

    /** The cipher under the envelopes is AES-SIV as specified: RFC 5297, appendix A.1. */
    @Test
    void aesSivMatchesRfc5297() throws GeneralSecurityException {
        HexFormat hex = HexFormat.of();
        AesSiv siv = new AesSiv(hex.parseHex("fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff"));

        byte[] ciphertext = siv.encryptDeterministically(
                hex.parseHex("112233445566778899aabbccddee"),
                hex.parseHex("101112131415161718191a1b1c1d1e1f2021222324252627"));

        assertThat(hex.formatHex(ciphertext)).isEqualTo("85632d07c6e8f37f950acd320a2ecc9340c02b9690c4dc04daef7f6afe5c");
    }

    private static SealedField withRecord(String recordId) {
        return new SealedField("client-cara", "eng-42", "SessionLogged", recordId, "notes");
    }

    private static final String FIXED_KEYSET =
            "{\"primaryKeyId\":1994054843,\"key\":[{\"keyData\":{\"typeUrl\":\"type.googleapis.com/google.crypto.tink.AesSivKey\",\"value\":\"EkCH+iliVIcbMRfUPc8OUMc8gI5kJAN33CPjgW4s5KlzphZxr4//lnYHqurOPa8Ip7FNixKPlgxIykn/xYp54yT+\",\"keyMaterialType\":\"SYMMETRIC\"},\"status\":\"ENABLED\",\"keyId\":1994054843,\"outputPrefixType\":\"TINK\"}]}";
    private static final String KNOWN_ENVELOPE = "sealed:v1:AXba3LtbfZtHguB41iXfNVfmK2NDQwmgX9GSqcWh27c-";
}
