package coaching.ledger.platform.audit;

import java.util.List;

/**
 * The result of verifying the ledger from the event store itself. {@code headGlobalIndex} and
 * {@code headHash} are a checkpoint an auditor can keep: a later verification given them proves the
 * history up to that point is still exactly there. Events not yet sealed (stored within the last
 * moments) are counted in {@code unsealedEvents} and checked by the next verification.
 */
public record VerificationReport(
        boolean verified,
        long eventsChecked,
        long disclosuresChecked,
        long unsealedEvents,
        long headGlobalIndex,
        String headHash,
        List<Problem> problems,
        boolean problemsTruncated) {

    /** One finding, located at the event (or position) where it happened. */
    public record Problem(long globalIndex, String eventId, Kind kind, String detail) {}

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
        /** An {@code UpdateShared} that no consent valid at that moment allowed. */
        UNBACKED_DISCLOSURE,
        /** An event whose payload cannot be read at all. */
        UNREADABLE
    }
}
