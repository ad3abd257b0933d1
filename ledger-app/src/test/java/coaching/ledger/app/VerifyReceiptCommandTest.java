package coaching.ledger.app;

import coaching.ledger.platform.audit.LeafRecord;
import coaching.ledger.platform.audit.Receipt;
import coaching.ledger.platform.audit.StoredEvent;
import coaching.ledger.platform.audit.tlog.Checkpoint;
import coaching.ledger.platform.audit.tlog.Merkle;
import coaching.ledger.platform.audit.tlog.NoteSigner;
import coaching.ledger.platform.audit.tlog.TlogProof;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An auditor checks a disclosure receipt with the jar and the log's public key alone. */
class VerifyReceiptCommandTest {

    private static final String ORIGIN = "localhost/engagement-ledger";

    @TempDir
    Path directory;

    private final NoteSigner log = NoteSigner.generate(ORIGIN);

    @Test
    void aValidReceiptSaysWhatWasDisclosedToWhomUnderWhichConsent() throws Exception {
        Result result = verifyReceipt(write("receipt.tlog-proof", receipt()), "--public-key", publicKey(log));

        assertThat(result.exitCode()).as(result.errors()).isEqualTo(VerifyReceiptCommand.VALID);
        assertThat(result.output())
                .startsWith("VALID receipt")
                .contains("update u-1 of engagement eng-42 (scope GOALS) was shared with hr-7 (HR)")
                .contains("at 2026-12-05T08:00:00.123Z")
                .contains("under consent c-1, granted by event grant-a")
                .contains("checkpoint " + ORIGIN + " of tree size 2");
    }

    @Test
    void aTamperedReceiptOrAnotherKeyIsInvalid() throws Exception {
        String tampered = receipt().replace("index 1", "index 0");

        Result altered = verifyReceipt(write("altered", tampered), "--public-key=" + publicKey(log));
        Result otherKey =
                verifyReceipt(write("receipt", receipt()), "--public-key", publicKey(NoteSigner.generate(ORIGIN)));

        assertThat(altered.exitCode()).isEqualTo(VerifyReceiptCommand.INVALID);
        assertThat(altered.output()).startsWith("INVALID receipt: ");
        assertThat(otherKey.exitCode()).isEqualTo(VerifyReceiptCommand.INVALID);
        assertThat(otherKey.output()).contains("not signed by key " + ORIGIN);
    }

    @Test
    void whatCannotBeCheckedIsUnusable() throws Exception {
        String key = publicKey(log);
        String receipt = write("receipt", receipt());

        Result garbage = verifyReceipt(write("garbage", "hello auditor\n"), "--public-key", key);
        assertThat(garbage.exitCode()).isEqualTo(VerifyReceiptCommand.UNUSABLE);
        assertThat(garbage.output()).startsWith("not a receipt: ");

        Path binary = Files.write(directory.resolve("binary"), new byte[] {(byte) 0xFF, (byte) 0xFE, 0});
        assertThat(verifyReceipt(binary.toString(), "--public-key", key).exitCode())
                .isEqualTo(VerifyReceiptCommand.UNUSABLE);
        Result missingFile = verifyReceipt(directory.resolve("missing").toString(), "--public-key", key);
        assertThat(missingFile.exitCode()).isEqualTo(VerifyReceiptCommand.UNUSABLE);
        assertThat(missingFile.errors()).contains("cannot read the receipt");
        Result badKey = verifyReceipt(receipt, "--public-key", write("bad.key", "not a key\n"));
        assertThat(badKey.exitCode()).isEqualTo(VerifyReceiptCommand.UNUSABLE);
        assertThat(badKey.errors()).contains("cannot read the public key");
        Result noKey = verifyReceipt(receipt);
        assertThat(noKey.exitCode()).isEqualTo(VerifyReceiptCommand.UNUSABLE);
        assertThat(noKey.errors()).contains(VerifyReceiptCommand.USAGE);
        assertThat(verifyReceipt().errors()).contains(VerifyReceiptCommand.USAGE);
        assertThat(verifyReceipt(receipt, "--public-key").exitCode()).isEqualTo(VerifyReceiptCommand.UNUSABLE);
        assertThat(verifyReceipt(receipt, receipt, "--public-key", key).exitCode())
                .isEqualTo(VerifyReceiptCommand.UNUSABLE);
    }

    /** A two-leaf log: the consent grant, then the disclosure relying on it. */
    private String receipt() {
        ObjectMapper json = new ObjectMapper();
        byte[] granted =
                LeafRecord.of(event(1, "grant-a", "coaching.ledger.kernel.consent.UpdateConsentGranted", """
                {"engagementId":"eng-42","consentId":"c-1","clientId":"client-9","audience":"HR","scopes":["GOALS"]}"""), json);
        byte[] shared =
                LeafRecord.of(event(2, "shared-1", "coaching.ledger.kernel.disclosure.UpdateShared", """
                {"engagementId":"eng-42","updateId":"u-1","audience":"HR","scope":"GOALS","content":"private",
                 "recipientId":"hr-7","sharedBy":"coach-3","sharedAt":"2026-12-05T08:00:00.123Z","consentId":"c-1",
                 "consentGrantEventId":"grant-a","consentGrantSequence":0}"""), json);
        byte[] root = Merkle.nodeHash(Merkle.leafHash(granted), Merkle.leafHash(shared));
        String checkpoint = log.sign(new Checkpoint(ORIGIN, 2, root).body());
        return new Receipt(
                        new TlogProof(shared, 1, List.of(Merkle.leafHash(granted)), checkpoint),
                        new TlogProof(granted, 0, List.of(Merkle.leafHash(shared)), checkpoint))
                .format();
    }

    private static StoredEvent event(long globalIndex, String eventId, String type, String payload) {
        return new StoredEvent(
                globalIndex,
                eventId,
                "eng-42",
                globalIndex,
                "Engagement",
                "2026-12-05T08:00:00.123Z",
                type,
                "1",
                payload.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
    }

    private String publicKey(NoteSigner signer) throws Exception {
        return write(signer.name().replace('/', '_') + "-" + System.nanoTime() + ".pub", signer.verifierKey() + "\n");
    }

    private String write(String name, String text) throws Exception {
        return Files.writeString(directory.resolve(name), text).toString();
    }

    private static Result verifyReceipt(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = VerifyReceiptCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String output, String errors) {}
}
