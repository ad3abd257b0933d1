package coaching.ledger.platform.audit;

import coaching.ledger.platform.PeriodicTask;
import coaching.ledger.platform.audit.tlog.Checkpoint;
import coaching.ledger.platform.audit.tlog.NoteException;
import coaching.ledger.platform.audit.tlog.NoteSigner;
import coaching.ledger.platform.audit.tlog.NoteVerifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Signs the Merkle tree's head every {@code ledger.checkpoints.interval} while it grows: a C2SP signed
 * note of origin, size and root, under an Ed25519 key kept outside the database. Each checkpoint is
 * stored in {@code log_checkpoint} and written to {@code ledger.checkpoints.publish-dir}, which is meant
 * to be shipped where the database's administrator cannot write: a history rewritten in the database
 * then no longer matches a checkpoint kept elsewhere.
 *
 * <p>It never signs a tree that does not extend the latest checkpoint it can see (stored or published):
 * a rewritten history is refused here, logged, and reported by verification, instead of being signed.
 */
@Component
@ConditionalOnAudit
@ConditionalOnProperty(name = "ledger.chain.sealer.enabled", havingValue = "true", matchIfMissing = true)
public class Checkpointer implements SmartLifecycle {

    private final CheckpointLog checkpoints;
    private final LogTree tree;
    private final NoteSigner signer;
    private final NoteVerifier verifier;
    private final Optional<Path> publishDir;
    private final PeriodicTask rounds;

    public Checkpointer(
            CheckpointLog checkpoints,
            LogTree tree,
            NoteSigner signer,
            @Value("${ledger.checkpoints.interval}") Duration interval,
            @Value("${ledger.checkpoints.publish-dir:}") String publishDir) {
        this.checkpoints = checkpoints;
        this.tree = tree;
        this.signer = signer;
        this.verifier = NoteVerifier.parse(signer.verifierKey());
        this.publishDir = publishDir.isBlank() ? Optional.empty() : Optional.of(Path.of(publishDir));
        // a refusal fails the round: logged with its reason, once a minute while it lasts
        this.rounds = new PeriodicTask("checkpointer", interval, this::checkpointNow);
    }

    /** What went wrong when the tree cannot be signed: it does not extend an earlier checkpoint. */
    public static final class HistoryRewritten extends IllegalStateException {
        HistoryRewritten(String message) {
            super(message);
        }
    }

    /**
     * Signs the tree as it stands (the empty tree too), unless the latest checkpoint already covers it;
     * answers the latest checkpoint then.
     *
     * @throws HistoryRewritten when the tree does not extend the latest stored or published checkpoint
     */
    public synchronized CheckpointLog.Signed checkpointNow() {
        Optional<CheckpointLog.Signed> latest = checkpoints.latest();
        LogTree.Head head = tree.head();
        if (latest.isPresent() && latest.get().size() >= head.size()) {
            return latest.get();
        }
        byte[] root = tree.root(head.size());
        if (!Arrays.equals(root, head.root())) {
            throw refused("the tiles' root at size " + head.size() + " is not the root the chain head records");
        }
        latest.ifPresent(signed -> requireExtends(signed.note(), head.size(), "stored"));
        published().ifPresent(note -> requireExtends(note, head.size(), "published"));
        Checkpoint checkpoint = new Checkpoint(signer.name(), head.size(), root);
        String note = signer.sign(checkpoint.body());
        publish(head.size(), note);
        try {
            checkpoints.store(head.size(), HexFormat.of().formatHex(root), note, OffsetDateTime.now(ZoneOffset.UTC));
        } catch (DuplicateKeyException anotherProcessSignedIt) {
            // the same size, root and key give the same note (Ed25519 is deterministic)
        }
        return checkpoints.latest().orElseThrow();
    }

    private void requireExtends(String note, long size, String where) {
        Checkpoint earlier;
        try {
            earlier = Checkpoint.verified(note, verifier);
        } catch (NoteException | IllegalArgumentException e) {
            throw refused(
                    "the latest " + where + " checkpoint does not verify under this ledger's key: " + e.getMessage());
        }
        if (earlier.size() > size) {
            throw refused("the latest " + where + " checkpoint has " + earlier.size() + " entries, the tree only "
                    + size + ": history was truncated");
        }
        if (!Arrays.equals(tree.root(earlier.size()), earlier.rootHash())) {
            throw refused("the tree's first " + earlier.size() + " entries are not those of the latest " + where
                    + " checkpoint: history was rewritten");
        }
    }

    private static HistoryRewritten refused(String reason) {
        return new HistoryRewritten("not signing a checkpoint: " + reason
                + "; a verification (GET /api/v1/compliance/verification) shows where");
    }

    /** The latest checkpoint written to the publish directory, if any. */
    public Optional<String> published() {
        return publishDir
                .map(dir -> dir.resolve("checkpoint"))
                .filter(Files::isRegularFile)
                .map(file -> {
                    try {
                        return Files.readString(file, StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read the published checkpoint " + file, e);
                    }
                });
    }

    /** Writes {@code checkpoints/<size>} and replaces {@code checkpoint} in one step each (temporary file, rename). */
    private void publish(long size, String note) {
        publishDir.ifPresent(dir -> {
            try {
                Files.createDirectories(dir.resolve("checkpoints"));
                replace(dir.resolve("checkpoints").resolve(Long.toString(size)), note);
                replace(dir.resolve("checkpoint"), note);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot publish the checkpoint to " + dir, e);
            }
        });
    }

    private static void replace(Path file, String text) throws IOException {
        Path draft = Files.createTempFile(file.getParent(), ".checkpoint", ".tmp");
        try {
            Files.writeString(draft, text, StandardCharsets.UTF_8);
            Files.move(draft, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(draft);
        }
    }

    public NoteVerifier verifier() {
        return verifier;
    }

    /** The C2SP verifier key of the checkpoints: what {@code --public-key} files hold. */
    public String verifierKey() {
        return signer.verifierKey();
    }

    @Override
    public void start() {
        rounds.start();
    }

    @Override
    public void stop() {
        rounds.stop();
    }

    @Override
    public boolean isRunning() {
        return rounds.isRunning();
    }
}
