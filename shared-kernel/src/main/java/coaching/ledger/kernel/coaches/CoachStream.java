package coaching.ledger.kernel.coaches;

/**
 * Coaches and engagements share one event store and both have caller-chosen ids. A coach's stream
 * is therefore named {@code coach:<coachId>}; the colon cannot occur in an id, so a coach can never
 * collide with an engagement of the same name.
 */
public final class CoachStream {

    private static final String PREFIX = "coach:";

    private CoachStream() {}

    public static String of(String coachId) {
        return PREFIX + coachId;
    }
}
