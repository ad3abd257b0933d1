package coaching.ledger.query.compliance;

import coaching.ledger.kernel.Rejection;
import coaching.ledger.platform.audit.Checkpointer;
import coaching.ledger.platform.audit.ConditionalOnAudit;
import coaching.ledger.platform.audit.EventChainSealer;
import coaching.ledger.platform.audit.LedgerVerifier;
import coaching.ledger.platform.audit.VerificationReport;
import coaching.ledger.platform.audit.tlog.Checkpoint;
import coaching.ledger.platform.audit.tlog.NoteException;
import coaching.ledger.query.web.RunsPerRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * {@code GET /api/v1/compliance/verification}: a fresh check from the event store itself, optionally
 * against a checkpoint (headGlobalIndex and headHash of an earlier report) an auditor kept. At most
 * {@code ledger.verification.max-concurrent-per-role} run at once per role; more answer 429.
 */
@RestController
@ConditionalOnAudit
class VerificationEndpoint {

    private static final Logger log = LoggerFactory.getLogger(VerificationEndpoint.class);
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private static final String NOT_A_CHECKPOINT =
            "must be a signed checkpoint as GET /api/v1/log/checkpoint answers it (a C2SP signed note)";

    private final LedgerVerifier verifier;
    private final ObjectProvider<EventChainSealer> sealer;
    private final ObjectProvider<Checkpointer> checkpointer;
    private final RunsPerRole running;

    VerificationEndpoint(
            LedgerVerifier verifier,
            ObjectProvider<EventChainSealer> sealer,
            ObjectProvider<Checkpointer> checkpointer,
            @Value("${ledger.verification.max-concurrent-per-role}") int perRole,
            @Value("${ledger.long-reads.retry-after}") Duration retryAfter) {
        this.verifier = verifier;
        this.sealer = sealer;
        this.checkpointer = checkpointer;
        this.running = new RunsPerRole("verifications", perRole, retryAfter);
    }

    @GetMapping("/api/v1/compliance/verification")
    @PreAuthorize("hasRole('COMPLIANCE')")
    VerificationReport verify(
            @RequestParam(required = false) Long checkpointIndex,
            @RequestParam(required = false) String checkpointHash,
            @RequestParam(name = "checkpoint", required = false) String signedCheckpoint,
            Authentication caller) {
        LedgerVerifier.Checkpoint checkpoint = checkpoint(checkpointIndex, checkpointHash);
        requireCheckpointNote(signedCheckpoint);
        Runnable release = running.start(caller);
        try {
            sealFirst();
            return verifier.verify(checkpoint, signedCheckpoint, null);
        } finally {
            release.run();
        }
    }

    /**
     * Seals what this process can first, so the report covers everything stored until now. A sealer that cannot
     * (say its head row was rewound, so its links collide with stored ones) must not take the report's place: the
     * report says what is wrong, the log keeps the sealer's failure.
     */
    private void sealFirst() {
        try {
            sealer.ifAvailable(EventChainSealer::sealAvailable);
        } catch (RuntimeException e) {
            log.warn("sealing before verification failed, verifying what is stored: {}", e.toString());
        }
    }

    /**
     * A kept checkpoint must at least be a signed note of a checkpoint; whether this ledger's key signed it is a
     * finding of the report ({@code BAD_SIGNATURE}), not a bad request.
     */
    private void requireCheckpointNote(String note) {
        if (note == null) {
            return;
        }
        Checkpointer signing = checkpointer.getIfAvailable();
        if (signing == null) {
            throw Rejection.invalid("checkpoint", "this process signs no checkpoints: ask the one that seals the log");
        }
        try {
            Checkpoint.verified(note, signing.verifier());
        } catch (NoteException e) {
            if (e.reason() == NoteException.Reason.MALFORMED) {
                throw Rejection.invalid("checkpoint", NOT_A_CHECKPOINT);
            }
        } catch (IllegalArgumentException e) {
            throw Rejection.invalid("checkpoint", NOT_A_CHECKPOINT);
        }
    }

    private static LedgerVerifier.Checkpoint checkpoint(Long index, String hash) {
        if (index == null && hash == null) {
            return null;
        }
        if (index == null || index < 0) {
            throw Rejection.invalid("checkpointIndex", "must be the headGlobalIndex of an earlier report");
        }
        if (hash == null || !SHA256_HEX.matcher(hash).matches()) {
            throw Rejection.invalid("checkpointHash", "must be the 64 hex digit headHash of an earlier report");
        }
        return new LedgerVerifier.Checkpoint(index, hash);
    }
}
