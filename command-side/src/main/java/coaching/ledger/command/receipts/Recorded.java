package coaching.ledger.command.receipts;

import coaching.ledger.kernel.Receipt;
import coaching.ledger.kernel.Rejection;

/**
 * What a command recorded, as a repeat of it must find it again: a keyed fingerprint of who did what
 * (never the content itself), and the version the original receipt answered, which a repeat answers
 * unchanged however the engagement moved on since.
 */
public record Recorded(String fingerprint, long version) {

    /** Ends every conflict over a used id; nothing in such a message depends on the content tried. */
    public static final String USED_ONCE = "; an id is used once, by one principal, with one content";

    public boolean isRepeat(String candidate) {
        return fingerprint.equals(candidate);
    }

    /**
     * For an event with confidential text: {@code sealed} is the fingerprint of the would-be event as
     * it is recorded now, {@code inClear} that of the same event before its text is sealed, as a first
     * attempt recorded it before the ledger sealed confidential text; a retry across that upgrade is
     * still a repeat. The clear candidate matches nothing else: a sealed stored field is an envelope,
     * which no client text equals unless the client already holds that very envelope.
     */
    public boolean isRepeat(String sealed, String inClear) {
        return isRepeat(sealed) || isRepeat(inClear);
    }

    /**
     * A repeat (same content, same actor: the fingerprints cover both) answers what the original
     * answered; anything else is a conflict whose message names the id, never the difference.
     */
    public Decision repeatOrConflict(String candidate, String id, String conflict) {
        return repeatOrConflict(isRepeat(candidate), id, conflict);
    }

    /** As above, for an event with confidential text (see {@link #isRepeat(String, String)}). */
    public Decision repeatOrConflict(String sealed, String inClear, String id, String conflict) {
        return repeatOrConflict(isRepeat(sealed, inClear), id, conflict);
    }

    private Decision repeatOrConflict(boolean repeat, String id, String conflict) {
        if (!repeat) {
            throw usedOnce(conflict);
        }
        return Decision.repeat(Receipt.repeated(id, version));
    }

    /** The conflict of an id used again with other content or by another principal. */
    public static Rejection usedOnce(String conflict) {
        return Rejection.conflict(conflict + USED_ONCE);
    }
}
