package coaching.ledger.platform.audit;

import coaching.ledger.platform.audit.ReceiptCheck.Disclosure;
import coaching.ledger.platform.audit.ReceiptCheck.Outcome;
import coaching.ledger.platform.audit.tlog.Checkpoint;
import coaching.ledger.platform.audit.tlog.Merkle;
import coaching.ledger.platform.audit.tlog.NoteSigner;
import coaching.ledger.platform.audit.tlog.NoteVerifier;
import coaching.ledger.platform.audit.tlog.TlogProof;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A receipt over a five-leaf tree built by hand: an unrelated event, two consent grants, the
 * disclosure relying on the first grant, another unrelated event.
 */
class ReceiptTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORIGIN = "localhost/engagement-ledger";
    private static final String GRANTED = "coaching.ledger.kernel.consent.UpdateConsentGranted";

    private final NoteSigner log = NoteSigner.generate(ORIGIN);
    private final NoteVerifier key = NoteVerifier.parse(log.verifierKey());

    private final byte[][] leaves = {
        LeafRecord.of(
                LeafRecordTest.event(1, "s-1", "eng-42", 0, "coaching.ledger.kernel.sessions.SessionLogged", "{}"),
                JSON),
        LeafRecord.of(LeafRecordTest.event(2, "grant-a", "eng-42", 3, GRANTED, grant("c-1")), JSON),
        LeafRecord.of(LeafRecordTest.event(3, "grant-b", "eng-42", 4, GRANTED, grant("c-2")), JSON),
        LeafRecord.of(
                LeafRecordTest.event(
                        4,
                        "0c0d-shared",
                        "eng-42",
                        7,
                        "coaching.ledger.kernel.disclosure.UpdateShared",
                        LeafRecordTest.SHARED_PAYLOAD),
                JSON),
        LeafRecord.of(
                LeafRecordTest.event(5, "s-2", "eng-42", 8, "coaching.ledger.kernel.sessions.SessionLogged", "{}"),
                JSON),
    };
    private final byte[][] h = Arrays.stream(leaves).map(Merkle::leafHash).toArray(byte[][]::new);
    private final byte[] h01 = Merkle.nodeHash(h[0], h[1]);
    private final byte[] h23 = Merkle.nodeHash(h[2], h[3]);
    private final byte[] h0123 = Merkle.nodeHash(h01, h23);
    private final byte[] root = Merkle.nodeHash(h0123, h[4]);
    private final String checkpoint = log.sign(new Checkpoint(ORIGIN, 5, root).body());

    private final TlogProof disclosure = new TlogProof(leaves[3], 3, List.of(h[2], h01, h[4]), checkpoint);
    private final TlogProof consent = new TlogProof(leaves[1], 1, List.of(h[0], h23, h[4]), checkpoint);
    private final Receipt receipt = new Receipt(disclosure, consent);

    private static String grant(String consentId) {
        return """
                {"engagementId":"eng-42","consentId":"%s","clientId":"client-9","audience":"HR","scopes":["GOALS"]}""".formatted(consentId);
    }

    @Test
    void aReceiptOfADisclosureAndItsGrantIsValid() {
        ReceiptCheck check = Receipt.check(receipt.format(), key);

        assertThat(check.outcome()).as(check.detail()).isEqualTo(Outcome.VALID);
        assertThat(check.disclosure())
                .isEqualTo(new Disclosure(
                        "eng-42",
                        "u-1",
                        "HR",
                        "GOALS",
                        "hr-7",
                        "coach-3",
                        "2026-12-05T08:00:00.123Z",
                        "c-1",
                        "grant-a",
                        ORIGIN,
                        5));
    }

    @Test
    void parsingItsFormatGivesTheSameReceipt() {
        assertThat(Receipt.parse(receipt.format())).isEqualTo(receipt);
        assertThat(receipt.format()).startsWith(TlogProof.HEADER + "\n").contains("\n" + TlogProof.HEADER + "\n");
    }

    @Test
    void anAlteredLeafRecordIsInvalid() {
        byte[] altered = leaves[3].clone();
        altered[altered.length - 2] ^= 1;

        assertInvalid(
                new Receipt(new TlogProof(altered, 3, disclosure.hashes(), checkpoint), consent), "not at index 3");
        assertInvalid(
                new Receipt(
                        disclosure,
                        new TlogProof(
                                new String(leaves[1], StandardCharsets.US_ASCII)
                                        .replace("client-9", "client-8")
                                        .getBytes(StandardCharsets.US_ASCII),
                                1,
                                consent.hashes(),
                                checkpoint)),
                "not at index 1");
    }

    @Test
    void anAlteredProofHashIsInvalid() {
        List<byte[]> hashes = disclosure.hashes();
        hashes.get(1)[0] ^= 1;

        assertInvalid(new Receipt(new TlogProof(leaves[3], 3, hashes, checkpoint), consent), "not at index 3");
        assertInvalid(
                new Receipt(new TlogProof(leaves[3], 3, hashes.subList(0, 2), checkpoint), consent), "not at index 3");
    }

    @Test
    void anAlteredIndexIsInvalid() {
        assertInvalid(
                new Receipt(new TlogProof(leaves[3], 2, disclosure.hashes(), checkpoint), consent), "not at index 2");
        assertInvalid(
                new Receipt(new TlogProof(leaves[3], 7, disclosure.hashes(), checkpoint), consent), "not at index 7");
    }

    @Test
    void anAlteredSignatureIsInvalid() {
        String signature = checkpoint.substring(checkpoint.lastIndexOf(' ') + 1, checkpoint.length() - 1);
        String alteredSignature =
                signature.substring(0, 10) + (signature.charAt(10) == 'A' ? 'B' : 'A') + signature.substring(11);
        String altered = checkpoint.replace(signature, alteredSignature);

        assertInvalid(
                new Receipt(
                        new TlogProof(leaves[3], 3, disclosure.hashes(), altered),
                        new TlogProof(leaves[1], 1, consent.hashes(), altered)),
                "does not verify");
        assertInvalid(
                new Receipt(new TlogProof(leaves[3], 3, disclosure.hashes(), altered), consent),
                "different checkpoints");
    }

    @Test
    void aCheckpointSignedByAnotherKeyOrCheckedWithAnotherKeyIsInvalid() {
        String foreign = NoteSigner.generate(ORIGIN).sign(new Checkpoint(ORIGIN, 5, root).body());
        Receipt foreignReceipt = new Receipt(
                new TlogProof(leaves[3], 3, disclosure.hashes(), foreign),
                new TlogProof(leaves[1], 1, consent.hashes(), foreign));

        assertInvalid(foreignReceipt, "no signature by key");
        ReceiptCheck wrongKey = Receipt.check(
                receipt.format(),
                NoteVerifier.parse(NoteSigner.generate("other.example/log").verifierKey()));
        assertThat(wrongKey.outcome()).isEqualTo(Outcome.INVALID);
        assertThat(wrongKey.disclosure()).isNull();
    }

    @Test
    void aCheckpointOfAnotherSizeIsInvalid() {
        String smaller = log.sign(new Checkpoint(ORIGIN, 4, h0123).body());

        assertInvalid(
                new Receipt(
                        new TlogProof(leaves[3], 3, disclosure.hashes(), smaller),
                        new TlogProof(leaves[1], 1, consent.hashes(), smaller)),
                "tree of size 4");
    }

    @Test
    void theConsentBlockOfAnotherGrantIsInvalid() {
        TlogProof otherGrant = new TlogProof(leaves[2], 2, List.of(h[3], h01, h[4]), checkpoint);

        assertInvalid(new Receipt(disclosure, otherGrant), "relied on consent grant event grant-a");
    }

    @Test
    void blocksInTheWrongOrderAreInvalid() {
        assertInvalid(new Receipt(consent, disclosure), "not of a disclosure");
    }

    @Test
    void aBlockThatDoesNotParseIsInvalid() {
        String text = receipt.format().replaceFirst("index 3", "index three");

        assertThat(Receipt.check(text, key).outcome()).isEqualTo(Outcome.INVALID);
    }

    @Test
    void textThatIsNotAReceiptIsUnusable() {
        for (String text : new String[] {
            null,
            "",
            "hello\n",
            "\u0000\u0001garbage",
            disclosure.format(),
            receipt.format() + consent.format(),
            " " + receipt.format(),
            "x".repeat(3 << 20),
        }) {
            ReceiptCheck check = Receipt.check(text, key);
            assertThat(check.outcome()).as(String.valueOf(text)).isEqualTo(Outcome.UNUSABLE);
            assertThat(check.detail()).isNotBlank();
        }
        assertThatThrownBy(() -> Receipt.parse("garbage")).isInstanceOf(IllegalArgumentException.class);
    }

    private void assertInvalid(Receipt tampered, String detail) {
        ReceiptCheck check = Receipt.check(tampered.format(), key);

        assertThat(check.outcome()).as(check.detail()).isEqualTo(Outcome.INVALID);
        assertThat(check.detail()).contains(detail);
        assertThat(check.disclosure()).isNull();
    }
}
