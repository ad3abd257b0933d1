package coaching.ledger.query.log;

import coaching.ledger.kernel.Rejection;
import coaching.ledger.kernel.consent.UpdateConsentGranted;
import coaching.ledger.kernel.disclosure.UpdateShared;
import coaching.ledger.kernel.selection.EngagementOpened;
import coaching.ledger.platform.audit.CheckpointLog;
import coaching.ledger.platform.audit.Checkpointer;
import coaching.ledger.platform.audit.ConditionalOnAudit;
import coaching.ledger.platform.audit.EventChainSealer;
import coaching.ledger.platform.audit.LeafRecord;
import coaching.ledger.platform.audit.LogTree;
import coaching.ledger.platform.audit.Receipt;
import coaching.ledger.platform.audit.StoredEvent;
import coaching.ledger.platform.audit.tlog.Merkle;
import coaching.ledger.platform.audit.tlog.TlogProof;
import coaching.ledger.platform.web.NotYetAvailable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Builds the receipt of a disclosure from the event store and the Merkle tree, never from a view: the
 * {@code UpdateShared} event's leaf record with its inclusion proof, then the proof of the consent grant it
 * relied on, both under one signed checkpoint, so the person the disclosure was about can check it alone
 * ({@code java -jar ledger-app.jar verify-receipt}). Before answering it checks the proofs itself: a receipt
 * the ledger hands out always verifies, or the answer says the stored history no longer matches the log.
 */
@Component
@ConditionalOnAudit
class Receipts {

    private static final Duration RETRY = Duration.ofSeconds(1);

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final LogTree tree;
    private final CheckpointLog checkpoints;
    private final ObjectProvider<Checkpointer> checkpointer;
    private final ObjectProvider<EventChainSealer> sealer;

    Receipts(
            JdbcTemplate jdbc,
            @Qualifier("defaultAxonObjectMapper") ObjectMapper json,
            LogTree tree,
            CheckpointLog checkpoints,
            ObjectProvider<Checkpointer> checkpointer,
            ObjectProvider<EventChainSealer> sealer) {
        this.jdbc = jdbc;
        this.json = json;
        this.tree = tree;
        this.checkpoints = checkpoints;
        this.checkpointer = checkpointer;
        this.sealer = sealer;
    }

    /** The latest stored checkpoint; the first one is signed on demand where this process signs. */
    static CheckpointLog.Signed latestCheckpoint(CheckpointLog checkpoints, ObjectProvider<Checkpointer> checkpointer) {
        return checkpoints
                .latest()
                .or(() -> Optional.ofNullable(checkpointer.getIfAvailable()).map(Checkpointer::checkpointNow))
                .orElseThrow(() -> new NotYetAvailable("no checkpoint is signed yet", RETRY));
    }

    /** The receipt of the disclosure recorded by event {@code eventId}; 404 when it is not a disclosure. */
    String forDisclosure(String eventId) {
        Sealed disclosure = sealed(eventId, UpdateShared.class, "disclosure");
        String grantEventId =
                payload(disclosure.event()).path("consentGrantEventId").asText();
        Sealed grant = sealed(grantEventId, UpdateConsentGranted.class, "consent grant");
        CheckpointLog.Signed checkpoint = covering(Math.max(disclosure.leafIndex(), grant.leafIndex()) + 1);
        byte[] root = tree.root(checkpoint.size());
        if (!HexFormat.of().formatHex(root).equalsIgnoreCase(checkpoint.rootHex())) {
            throw historyNoLongerMatches();
        }
        return new Receipt(proof(disclosure, checkpoint, root), proof(grant, checkpoint, root)).format();
    }

    /** The event id of update {@code updateId} shared on the engagement of client {@code clientId}. */
    Optional<String> disclosureOf(String clientId, String engagementId, String updateId) {
        List<JsonNode> opened = payloads(engagementId, EngagementOpened.class);
        if (opened.isEmpty() || !clientId.equals(opened.get(0).path("clientId").asText())) {
            return Optional.empty();
        }
        return jdbc
                .query(
                        "SELECT eventIdentifier, payload FROM DomainEventEntry WHERE aggregateIdentifier = ?"
                                + " AND payloadType = ? ORDER BY sequenceNumber",
                        (row, n) -> new Object[] {row.getString(1), row.getBytes(2)},
                        engagementId,
                        UpdateShared.class.getName())
                .stream()
                .filter(row -> updateId.equals(
                        readTree((byte[]) row[1]).path("updateId").asText()))
                .map(row -> (String) row[0])
                .findFirst();
    }

    private TlogProof proof(Sealed sealed, CheckpointLog.Signed checkpoint, byte[] root) {
        byte[] record = LeafRecord.of(sealed.event(), json);
        List<byte[]> path = tree.inclusionProof(sealed.leafIndex(), checkpoint.size());
        if (!Merkle.verifyInclusion(sealed.leafIndex(), checkpoint.size(), Merkle.leafHash(record), path, root)) {
            throw historyNoLongerMatches();
        }
        return new TlogProof(record, sealed.leafIndex(), path, checkpoint.note());
    }

    private record Sealed(StoredEvent event, long leafIndex) {}

    private Sealed sealed(String eventId, Class<?> type, String what) {
        Optional<Sealed> sealed = find(eventId);
        if (sealed.isEmpty() && stored(eventId)) {
            sealer.ifAvailable(EventChainSealer::sealAvailable);
            sealed = find(eventId);
            if (sealed.isEmpty()) {
                throw new NotYetAvailable("the " + what + " is stored but not sealed into the log yet", RETRY);
            }
        }
        return sealed.filter(found -> found.event().payloadType().equals(type.getName()))
                .orElseThrow(() -> Rejection.notFound("no such " + what + ": " + eventId));
    }

    private Optional<Sealed> find(String eventId) {
        return jdbc
                .query(
                        "SELECT " + StoredEvent.COLUMNS.replaceAll("(\\w+)", "e.$1") + ", c.leafIndex"
                                + " FROM DomainEventEntry e JOIN event_chain c ON c.globalIndex = e.globalIndex"
                                + " WHERE e.eventIdentifier = ? AND c.eventIdentifier = e.eventIdentifier",
                        (row, n) -> new Sealed(StoredEvent.read(row), row.getLong("leafIndex")),
                        eventId)
                .stream()
                .findFirst();
    }

    private boolean stored(String eventId) {
        return jdbc.queryForObject(
                        "SELECT COUNT(*) FROM DomainEventEntry WHERE eventIdentifier = ?", Long.class, eventId)
                > 0;
    }

    private CheckpointLog.Signed covering(long size) {
        Optional<CheckpointLog.Signed> signed = checkpoints.covering(size);
        if (signed.isEmpty()) {
            Checkpointer signing = checkpointer.getIfAvailable();
            if (signing != null) {
                try {
                    signing.checkpointNow();
                } catch (Checkpointer.HistoryRewritten refused) {
                    throw historyNoLongerMatches();
                }
                signed = checkpoints.covering(size);
            }
        }
        return signed.orElseThrow(() -> new NotYetAvailable("no signed checkpoint covers it yet", RETRY));
    }

    private List<JsonNode> payloads(String stream, Class<?> type) {
        return jdbc.query(
                "SELECT payload FROM DomainEventEntry WHERE aggregateIdentifier = ? AND payloadType = ?"
                        + " ORDER BY sequenceNumber",
                (row, n) -> readTree(row.getBytes(1)),
                stream,
                type.getName());
    }

    private JsonNode payload(StoredEvent event) {
        return readTree(event.payload());
    }

    private JsonNode readTree(byte[] payload) {
        try {
            return json.readTree(payload);
        } catch (IOException e) {
            throw historyNoLongerMatches();
        }
    }

    private static Rejection historyNoLongerMatches() {
        return Rejection.conflict("the stored history no longer matches the signed log; a verification"
                + " (GET /api/v1/compliance/verification) reports where");
    }
}
