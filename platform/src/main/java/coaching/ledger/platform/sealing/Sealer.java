package coaching.ledger.platform.sealing;

import coaching.ledger.kernel.sealing.SealedField;
import coaching.ledger.kernel.sealing.TextSealer;
import coaching.ledger.platform.fingerprint.TypedEncoding;
import com.google.crypto.tink.DeterministicAead;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Seals confidential free text under its client's data key and opens it again for those entitled to
 * read it. An envelope is {@value #PREFIX} followed by the base64url ciphertext of AES-256-SIV (Tink's
 * deterministic AEAD) with the {@link SealedField} as associated data.
 *
 * <p>Deterministic on purpose: the same text sealed for the same field gives the same envelope, so a
 * retried command builds the very event its first attempt recorded and idempotency keeps working on
 * stored events. Because the field (client, engagement, record, field name) is part of the associated
 * data, equal texts in different places do not seal alike: nothing is learnt by comparing envelopes.
 *
 * <p>Text stored before sealing existed is not an envelope; {@link #open} hands it back as it is.
 *
 * <p>After an erasure the client's envelopes cannot be opened any more ({@link ErasedText}), and a
 * view may replace them by {@value #ERASED}, which reads as erased too.
 */
public final class Sealer implements TextSealer {

    public static final String PREFIX = "sealed:v1:";

    /** What a view stores in place of an envelope of an erased client. */
    public static final String ERASED = "erased:v1";

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final ClientDataKeys keys;

    public Sealer(ClientDataKeys keys) {
        this.keys = keys;
    }

    /** The envelope of {@code text} for {@code field}; null stays null. */
    @Override
    public String seal(SealedField field, String text) {
        if (text == null) {
            return null;
        }
        try {
            byte[] ciphertext = keys.keyFor(field.clientId())
                    .encryptDeterministically(text.getBytes(StandardCharsets.UTF_8), associatedData(field));
            return PREFIX + ENCODER.encodeToString(ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal " + describe(field), e);
        }
    }

    /**
     * The text of an envelope sealed for exactly this field; null stays null, and text stored before
     * sealing existed is returned as it is.
     *
     * @throws ErasedText if the client's data was erased (its key destroyed), or {@code stored} is
     *     {@value #ERASED}
     * @throws UnreadableEnvelope if the envelope was altered, moved from another field, or its
     *     client has no key
     */
    public String open(SealedField field, String stored) {
        if (ERASED.equals(stored)) {
            throw new ErasedText();
        }
        if (!isEnvelope(stored)) {
            return stored;
        }
        DeterministicAead key = keys.existingKeyFor(field.clientId()).orElseThrow(() -> {
            if (keys.isErased(field.clientId())) {
                return new ErasedText();
            }
            return new UnreadableEnvelope("no data key for the client of " + describe(field));
        });
        try {
            byte[] ciphertext = DECODER.decode(stored.substring(PREFIX.length()));
            return new String(key.decryptDeterministically(ciphertext, associatedData(field)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new UnreadableEnvelope("the envelope of " + describe(field)
                    + " does not open: altered, moved from another field, or sealed under another key");
        }
    }

    public static boolean isEnvelope(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    private static byte[] associatedData(SealedField field) {
        return TypedEncoding.of(
                "sealed field",
                field.clientId(),
                field.engagementId(),
                field.eventType(),
                field.recordId(),
                field.field());
    }

    /** Names the place, never the text. */
    private static String describe(SealedField field) {
        return field.eventType() + "." + field.field() + " of " + field.recordId() + " in " + field.engagementId();
    }

    /** An envelope that cannot be opened where it is found. */
    public static final class UnreadableEnvelope extends IllegalStateException {

        UnreadableEnvelope(String message) {
            super(message);
        }
    }

    /** A text of a client whose data was erased: it is gone for every reader, and that is no fault. */
    public static final class ErasedText extends RuntimeException {

        ErasedText() {
            super("erased", null, false, false);
        }
    }
}
