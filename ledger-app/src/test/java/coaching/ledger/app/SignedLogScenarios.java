package coaching.ledger.app;

import coaching.ledger.platform.audit.Receipt;
import coaching.ledger.platform.audit.ReceiptCheck;
import coaching.ledger.platform.audit.tlog.Checkpoint;
import coaching.ledger.platform.audit.tlog.Merkle;
import coaching.ledger.platform.audit.tlog.NoteVerifier;
import coaching.ledger.platform.testing.LedgerHttp;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The signed log over HTTP: checkpoints anyone signed in can keep, consistency proofs for auditors, and
 * receipts a client checks alone with the public key, never a view.
 */
interface SignedLogScenarios extends LedgerScenario {

    private String sharedUpdate(String updateId) {
        String id = activeEngagement(2);
        grantBossConsent(id, "c-1", "\"PROGRESS\"");
        expect(201, http().post(path(id, "updates"), "coach-cole", """
                {"updateId":"%s","audience":"BOSS","scope":"PROGRESS","content":"on track"}""".formatted(updateId)));
        return id;
    }

    private NoteVerifier publicKey() {
        LedgerHttp.Response key = expect(200, http().get("/api/v1/log/public-key", "client-cara"));
        assertThat(key.header("Content-Type")).startsWith("text/plain");
        return NoteVerifier.parse(key.body().strip());
    }

    @Test
    default void theClientDownloadsAReceiptThatVerifiesOfflineWithThePublicKey() {
        String id = sharedUpdate("u-1");
        NoteVerifier key = publicKey();

        LedgerHttp.Response receipt =
                expect(200, http().get("/api/v1/client/engagements/" + id + "/disclosures/u-1/receipt", "client-cara"));
        assertThat(receipt.header("Content-Type")).startsWith("text/plain");
        assertThat(receipt.body()).startsWith("c2sp.org/tlog-proof@v1\n").doesNotContain("on track");
        ReceiptCheck check = Receipt.check(receipt.body(), key);
        assertThat(check.outcome()).as(check.detail()).isEqualTo(ReceiptCheck.Outcome.VALID);
        assertThat(check.disclosure().updateId()).isEqualTo("u-1");
        assertThat(check.disclosure().recipientId()).isEqualTo("boss-ben");
        assertThat(check.disclosure().consentId()).isEqualTo("c-1");

        String altered = receipt.body().replaceFirst("index (\\d+)", "index 0");
        assertThat(Receipt.check(altered, key).outcome()).isEqualTo(ReceiptCheck.Outcome.INVALID);
    }

    @Test
    default void onlyTheClientItIsAboutAndComplianceGetAReceipt() {
        String id = sharedUpdate("u-1");
        String receipt = "/api/v1/client/engagements/" + id + "/disclosures/u-1/receipt";
        expect(404, http().get(receipt, "client-carl"));
        expect(403, http().get(receipt, "boss-ben"));
        expect(403, http().get(receipt, "coach-cole"));
        expect(404, http().get("/api/v1/client/engagements/" + id + "/disclosures/u-9/receipt", "client-cara"));
        expect(400, http().get("/api/v1/client/engagements/" + id + "/disclosures/u%20x/receipt", "client-cara"));

        // the compliance view is eventually consistent: the disclosure appears once its projection caught up
        JsonNode disclosure = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> expect(
                                        200,
                                        http().get(
                                                        "/api/v1/compliance/disclosures?engagementId=" + id,
                                                        "compliance-cy"))
                                .json()
                                .path(0)
                                .path("disclosures")
                                .path(0),
                        node -> node.has("eventId"));
        String eventId = disclosure.get("eventId").asText();
        LedgerHttp.Response forCompliance =
                expect(200, http().get("/api/v1/compliance/disclosures/" + eventId + "/receipt", "compliance-cy"));
        assertThat(Receipt.check(forCompliance.body(), publicKey()).outcome()).isEqualTo(ReceiptCheck.Outcome.VALID);
        expect(403, http().get("/api/v1/compliance/disclosures/" + eventId + "/receipt", "client-cara"));
        String grantEventId = disclosure.get("consent").get("grantEventId").asText();
        expect(404, http().get("/api/v1/compliance/disclosures/" + grantEventId + "/receipt", "compliance-cy"));
    }

    @Test
    default void checkpointsGrowConsistentlyAndAnAuditorsCheckpointIsHeldAgainstTheHistory() throws Exception {
        sharedUpdate("u-1");
        NoteVerifier key = publicKey();
        String first =
                expect(200, http().get("/api/v1/log/checkpoint", "hr-hana")).body();
        Checkpoint kept = Checkpoint.verified(first, key);

        sharedUpdate("u-2");
        // a receipt needs a checkpoint covering it: asking for one signs the grown tree
        expect(200, http().get("/api/v1/compliance/verification", "compliance-cy"));
        String id = sharedUpdate("u-3");
        expect(200, http().get("/api/v1/client/engagements/" + id + "/disclosures/u-3/receipt", "client-cara"));
        Checkpoint latest = Checkpoint.verified(
                expect(200, http().get("/api/v1/log/checkpoint", "boss-ben")).body(), key);
        assertThat(latest.size()).isGreaterThan(kept.size());

        JsonNode proof = expect(
                        200,
                        http().get(
                                        "/api/v1/log/proof/consistency?from=" + kept.size() + "&to=" + latest.size(),
                                        "compliance-cy"))
                .json();
        List<byte[]> hashes = new ArrayList<>();
        proof.get("proof").forEach(hash -> hashes.add(Base64.getDecoder().decode(hash.asText())));
        assertThat(Merkle.verifyConsistency(kept.size(), latest.size(), hashes, kept.rootHash(), latest.rootHash()))
                .isTrue();
        expect(403, http().get("/api/v1/log/proof/consistency?from=1", "hr-hana"));
        expect(
                400,
                http().get(
                                "/api/v1/log/proof/consistency?from=" + (latest.size() + 1) + "&to=" + latest.size(),
                                "compliance-cy"));
        expect(400, http().get("/api/v1/log/proof/consistency?from=1&to=" + Long.MAX_VALUE, "compliance-cy"));

        JsonNode report = expect(200, http().get(verificationAgainst(first), "compliance-cy"))
                .json();
        assertThat(report.get("verified").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("checkpoints").toString())
                .contains("\"source\":\"auditor\"")
                .contains("\"consistent\":true");

        String forged = first.replaceFirst("\n(\\d+)\n", "\n" + (kept.size() + 1000) + "\n");
        JsonNode refused = expect(200, http().get(verificationAgainst(forged), "compliance-cy"))
                .json();
        assertThat(refused.get("verified").asBoolean()).isFalse();
        assertThat(refused.get("problems").toString()).contains("BAD_SIGNATURE");
        LedgerHttp.Response notANote = expect(400, http().get(verificationAgainst("hello"), "compliance-cy"));
        assertThat(notANote.json().get("errors").get(0).get("field").asText()).isEqualTo("checkpoint");
    }

    private static String verificationAgainst(String note) {
        return "/api/v1/compliance/verification?checkpoint=" + URLEncoder.encode(note, StandardCharsets.UTF_8);
    }
}
