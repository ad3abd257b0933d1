package coaching.ledger.command.coaches;

/** Answers whether a coach is registered, for rules of other aggregates (shortlisting). */
public interface CoachRegistry {

    boolean isRegistered(String coachId);
}
