package coaching.ledger.command.engagement;

/**
 * What a command recorded, as a repeat of it must find it again: a keyed fingerprint of who did what
 * (never the content itself), and the version the original receipt answered, which a repeat answers
 * unchanged however the engagement moved on since.
 */
public record Recorded(String fingerprint, long version) {

    public boolean isRepeat(String candidate) {
        return fingerprint.equals(candidate);
    }
}
