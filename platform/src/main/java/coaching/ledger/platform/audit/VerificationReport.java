package coaching.ledger.platform.audit;

import java.util.List;

/**
 * The result of verifying the ledger from the event store itself. {@code headGlobalIndex} and
 * {@code headHash} are a checkpoint an auditor can keep: a later verification given them proves the
 * history up to that point is still exactly there. Events stored after the last sealed event are
 * counted in {@code unsealedEvents}; those stored within the last moments are checked by the next
 * verification, older ones are reported as {@link Kind#UNSEALED}. {@code treeSize} and {@code treeRoot}
 * (base64) are the Merkle tree recomputed from the sealed events; {@code checkpoints} says, for every
 * signed checkpoint held against it (the auditor's, the published one, those stored), whether the history
 * still extends it.
 */
public record VerificationReport(
        boolean verified,
        long eventsChecked,
        long disclosuresChecked,
        long unsealedEvents,
        long headGlobalIndex,
        String headHash,
        long treeSize,
        String treeRoot,
        List<CheckpointHeld> checkpoints,
        List<Problem> problems,
        boolean problemsTruncated) {

    /** One finding, located at the event (or position) where it happened. */
    public record Problem(long globalIndex, String eventId, Kind kind, String detail) {}

    /**
     * A signed checkpoint held against the history: from the {@code auditor}, the {@code published} directory or
     * {@code stored} in the database; {@code consistent} when the history's first {@code size} entries have its root.
     */
    public record CheckpointHeld(String source, long size, String root, boolean consistent) {}

    public enum Kind {
        /** The stored bytes of an event (payload, metadata or any column) differ from what was sealed. */
        ALTERED,
        /** A sealed event is missing from the store, or sealed links around it were removed too. */
        DELETED,
        /** The chain expects another event at this position: events were reordered or replaced. */
        REORDERED,
        /** An event inside the sealed history that was never sealed: inserted afterwards. */
        INSERTED,
        /**
         * An event in positions the sealer gave up after the gap timeout (by the database's clock): a
         * transaction that committed too late. Not in the sealed history, the export or the views.
         */
        LATE_COMMIT,
        /** A stored chain hash does not follow from its predecessor: the chain itself was edited. */
        CHAIN_BROKEN,
        /** An engagement's own sequence has a hole or its stream hash does not follow. */
        STREAM_BROKEN,
        /** The store ends before an auditor's checkpoint: the newest history was cut off. */
        TRUNCATED,
        /** The history up to an auditor's checkpoint is not what it was when the checkpoint was taken. */
        CHECKPOINT_MISMATCH,
        /**
         * The chain's head row ({@code event_chain_head}) disagrees with the chain rows: it stops before the last
         * sealed row (rewound), points past it, or its hash is not the last row's chain hash. Verification never
         * relies on the head row: it reads every row and reports this at the head's global index.
         */
        HEAD_MISMATCH,
        /**
         * An event stored after the last sealed event that the gap rule says must be sealed by now. Its age is its
         * {@code timeStamp} column (the writing process's clock) against the database's {@code CURRENT_TIMESTAMP}
         * when verification starts, the clock the sealer's gap rule runs on: older than
         * {@code ledger.chain.sealer.gap-timeout} plus a margin for skew between the writers' clocks and the
         * database's and for the sealer's rounds. Younger unsealed events are only counted in
         * {@code unsealedEvents}; one stamped later than the database's time plus that margin is reported too, as a
         * future stamp would keep it young for ever. A copy of a ledger taken while events were still unsealed
         * reports them once it is older than that, rightly: nothing proves they belong to the sealed history.
         */
        UNSEALED,
        /** An {@code UpdateShared} that no consent valid at that moment allowed. */
        UNBACKED_DISCLOSURE,
        /**
         * A consent grant not made by the engagement's client: its {@code clientId}, or the actor its metadata names,
         * is someone else. Disclosures relying on it are {@code UNBACKED_DISCLOSURE} too.
         */
        FOREIGN_GRANT,
        /**
         * An event whose stored values cannot be read: payload or metadata not a JSON object, a field missing or of
         * the wrong type, a timestamp that is no ISO-8601 instant.
         */
        UNREADABLE,
        /** A signed checkpoint whose history of the same size has another root: the history was rewritten. */
        FORKED,
        /** A checkpoint that the ledger's public key does not verify: forged, altered, or another log's. */
        BAD_SIGNATURE,
        /** The stored Merkle tiles do not give the tree of the sealed events: proofs served from them would fail. */
        TREE_MISMATCH
    }
}
