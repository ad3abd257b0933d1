package coaching.ledger.platform.audit.tlog;

import coaching.ledger.platform.audit.tlog.NoteException.Reason;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Signed notes against the published vectors of Go's golang.org/x/mod/sumdb/note (note_test.go). */
class NoteSignerTest {

    static final String PETER_PRIVATE_KEY =
            "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String PETER_KEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String ENOCH_KEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
    static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    static final String PETER_SIGNATURE =
            "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    static final String ENOCH_SIGNATURE =
            "— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";
    static final String SIGNED = TEXT + "\n" + PETER_SIGNATURE;

    @Test
    void theGoPrivateKeyDerivesItsPublicKeyFromTheSeed() {
        NoteSigner peter = NoteSigner.parse(PETER_PRIVATE_KEY);

        assertThat(peter.name()).isEqualTo("PeterNeumann");
        assertThat(peter.verifierKey()).isEqualTo(PETER_KEY);
        assertThat(peter.privateKeyText()).isEqualTo(PETER_PRIVATE_KEY);
    }

    @Test
    void resigningTheGoTextGivesTheGoSignature() {
        assertThat(NoteSigner.parse(PETER_PRIVATE_KEY).sign(TEXT)).isEqualTo(SIGNED);
    }

    @Test
    void theGoNoteVerifies() throws NoteException {
        NoteVerifier peter = NoteVerifier.parse(PETER_KEY);

        assertThat(peter.name()).isEqualTo("PeterNeumann");
        assertThat(peter.verify(SIGNED)).isEqualTo(TEXT);
    }

    @Test
    void theKeyIdIsTheStartOfTheHashOfNameAndKey() {
        byte[] publicKey =
                Arrays.copyOfRange(Base64.getDecoder().decode("ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"), 1, 33);

        assertThat(Notes.hex(Notes.keyId("PeterNeumann", publicKey))).isEqualTo("c74f20a3");
        assertThat(Notes.hex(Notes.keyId("PeterNeumann2", publicKey))).isNotEqualTo("c74f20a3");
    }

    @Test
    void aGeneratedKeySignsWhatItsVerifierAccepts() throws NoteException {
        NoteSigner signer = NoteSigner.generate("example.com/log");
        NoteSigner reparsed = NoteSigner.parse(signer.privateKeyText());
        String note = signer.sign("example.com/log\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n");

        assertThat(reparsed.verifierKey()).isEqualTo(signer.verifierKey());
        assertThat(reparsed.sign("a\n")).isEqualTo(signer.sign("a\n"));
        assertThat(NoteVerifier.parse(signer.verifierKey()).verify(note))
                .isEqualTo("example.com/log\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n");
        assertThat(NoteSigner.generate("example.com/log").verifierKey()).isNotEqualTo(signer.verifierKey());
    }

    @Test
    void signsOnlyTextsThatMakeANote() {
        NoteSigner signer = NoteSigner.parse(PETER_PRIVATE_KEY);

        assertThatThrownBy(() -> signer.sign("no final newline")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signer.sign("a\tb\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signer.sign("broken \uD800 surrogate\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NoteSigner.generate("has space")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NoteSigner.generate("has+plus")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NoteSigner.generate("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsEveryManglingOfTheGoKeys() {
        for (String key : manglings(PETER_PRIVATE_KEY)) {
            assertThatThrownBy(() -> NoteSigner.parse(key)).as(key).isInstanceOf(IllegalArgumentException.class);
        }
        for (String key : manglings(PETER_KEY)) {
            assertThatThrownBy(() -> NoteVerifier.parse(key)).as(key).isInstanceOf(IllegalArgumentException.class);
        }
        // from note_test.go: wrong key length and unknown algorithm, each with its key id adjusted
        assertThatThrownBy(() -> NoteVerifier.parse(
                        "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY=="))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> NoteVerifier.parse("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NoteVerifier.parse(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NoteSigner.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theParseErrorsOfAPrivateKeyNeverQuoteIt() {
        String altered = PETER_PRIVATE_KEY.replace("c74f20a3", "c74f20a4");

        assertThatThrownBy(() -> NoteSigner.parse(altered))
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .doesNotContain("AYEKFALV");
    }

    @Test
    void signaturesOfOtherKeysAreIgnored() throws NoteException {
        NoteVerifier peter = NoteVerifier.parse(PETER_KEY);

        assertThat(peter.verify(TEXT + "\n" + ENOCH_SIGNATURE + PETER_SIGNATURE))
                .isEqualTo(TEXT);
        assertThat(peter.verify(TEXT + "\n" + PETER_SIGNATURE + ENOCH_SIGNATURE + ENOCH_SIGNATURE))
                .isEqualTo(TEXT);
    }

    @Test
    void aNoteSignedByAnotherKeyOnlyIsUnknownKey() {
        assertReason(NoteVerifier.parse(ENOCH_KEY), SIGNED, Reason.UNKNOWN_KEY);
        assertReason(NoteVerifier.parse(NoteSigner.generate("PeterNeumann").verifierKey()), SIGNED, Reason.UNKNOWN_KEY);
    }

    @Test
    void alteredTextOrSignatureIsABadSignature() {
        NoteVerifier peter = NoteVerifier.parse(PETER_KEY);

        assertReason(peter, SIGNED.replace("cryptography", "cryptographY"), Reason.BAD_SIGNATURE);
        assertReason(
                peter,
                TEXT + "\n" + PETER_SIGNATURE.substring(0, 60) + "ABCD" + PETER_SIGNATURE.substring(60),
                Reason.BAD_SIGNATURE);
        assertReason(peter, TEXT + "\n— PeterNeumann x08goxxx\n", Reason.BAD_SIGNATURE);
    }

    @Test
    void hostileNotesAreMalformed() {
        NoteVerifier peter = NoteVerifier.parse(PETER_KEY);

        for (String note : new String[] {
            null,
            "",
            TEXT,
            TEXT + "\n",
            TEXT + "\n" + PETER_SIGNATURE.substring(0, PETER_SIGNATURE.length() - 1),
            "\u0001" + SIGNED,
            "\uDC00" + SIGNED,
            TEXT
                    + "\n— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
            SIGNED + "Unexpected line.\n",
            TEXT + "\n— PeterNeumann not*base64\n",
            TEXT
                    + "\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM\n",
            TEXT + "\n— PeterNeumann AAAA\n",
            TEXT + "\n" + PETER_SIGNATURE.repeat(101),
            "x".repeat(Notes.MAX_TEXT_CHARS) + SIGNED,
        }) {
            assertReason(peter, note, Reason.MALFORMED);
        }
    }

    private static void assertReason(NoteVerifier verifier, String note, Reason reason) {
        assertThatThrownBy(() -> verifier.verify(note))
                .isInstanceOfSatisfying(
                        NoteException.class,
                        e -> assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason));
    }

    /** Every proper substring and every single-byte change, as note_test.go tries them. */
    private static List<String> manglings(String key) {
        var manglings = new ArrayList<String>();
        for (int i = 0; i <= key.length(); i++) {
            for (int j = i + 1; j <= key.length(); j++) {
                if (i != 0 || j != key.length()) {
                    manglings.add(key.substring(i, j));
                }
            }
        }
        for (int i = 0; i < key.length(); i++) {
            char[] chars = key.toCharArray();
            chars[i]++;
            manglings.add(new String(chars));
        }
        return manglings;
    }
}
