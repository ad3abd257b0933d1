package coaching.ledger.query.log;

import coaching.ledger.kernel.Rejection;
import coaching.ledger.platform.audit.CheckpointLog;
import coaching.ledger.platform.audit.Checkpointer;
import coaching.ledger.platform.audit.ConditionalOnAudit;
import coaching.ledger.platform.audit.LogTree;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Base64;
import java.util.List;

/**
 * The log's public face: its latest signed checkpoint and the key that verifies it (for anyone signed
 * in, to keep and compare), and consistency proofs between two sizes for auditors.
 */
@RestController
@ConditionalOnAudit
class LogEndpoint {

    static final MediaType TEXT = MediaType.parseMediaType("text/plain;charset=UTF-8");

    private final CheckpointLog checkpoints;
    private final ObjectProvider<Checkpointer> checkpointer;
    private final LogTree tree;

    LogEndpoint(CheckpointLog checkpoints, ObjectProvider<Checkpointer> checkpointer, LogTree tree) {
        this.checkpoints = checkpoints;
        this.checkpointer = checkpointer;
        this.tree = tree;
    }

    /** The latest signed checkpoint, a C2SP signed note (origin, tree size, base64 root, signature). */
    @GetMapping("/api/v1/log/checkpoint")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<String> checkpoint() {
        return ResponseEntity.ok()
                .contentType(TEXT)
                .body(Receipts.latestCheckpoint(checkpoints, checkpointer).note());
    }

    /** The verifier key of the checkpoints, in the C2SP form {@code <name>+<hex key id>+<base64 key>}. */
    @GetMapping("/api/v1/log/public-key")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<String> publicKey() {
        Checkpointer signing = checkpointer.getIfAvailable();
        if (signing == null) {
            throw Rejection.notFound("this process signs no checkpoints; ask the one that seals the log");
        }
        return ResponseEntity.ok().contentType(TEXT).body(signing.verifierKey() + "\n");
    }

    record ConsistencyProof(long from, long to, List<String> proof) {}

    /**
     * RFC 9162 consistency proof that the log of size {@code to} (default: the latest checkpoint's) extends
     * the log of size {@code from}; hashes in base64, as in checkpoints.
     */
    @GetMapping("/api/v1/log/proof/consistency")
    @PreAuthorize("hasRole('COMPLIANCE')")
    ConsistencyProof consistency(@RequestParam long from, @RequestParam(required = false) Long to) {
        long size = tree.head().size();
        long upTo = to != null
                ? to
                : Receipts.latestCheckpoint(checkpoints, checkpointer).size();
        if (from < 0) {
            throw Rejection.invalid("from", "must be a tree size, 0 or more");
        }
        if (upTo > size) {
            throw Rejection.invalid("to", "the log holds " + size + " entries; a proof can reach no further");
        }
        if (from > upTo) {
            throw Rejection.invalid("from", "must not be larger than to (" + upTo + ")");
        }
        List<String> proof = tree.consistencyProof(from, upTo).stream()
                .map(Base64.getEncoder()::encodeToString)
                .toList();
        return new ConsistencyProof(from, upTo, proof);
    }
}
