package coaching.ledger.kernel;

/**
 * What a command handler answers: the id of what was created or changed, the actor's version of the
 * engagement (the number of events the actor's own view shows, minus one; see
 * {@link coaching.ledger.kernel.visibility.PartyView}) once it was recorded, and whether this command
 * was a repeat that recorded nothing new. A repeat carries the version of the receipt it repeats, so
 * no receipt reveals events the actor's view does not show. A refused disclosure is recorded too and
 * names its reason. A coach's registration, outside any engagement, answers version 0.
 */
public record Receipt(String id, long version, boolean repeated, String refusal) {

    public static Receipt recorded(String id, long version) {
        return new Receipt(id, version, false, null);
    }

    public static Receipt repeated(String id, long version) {
        return new Receipt(id, version, true, null);
    }

    public static Receipt refused(String id, long version, boolean repeated, String reason) {
        return new Receipt(id, version, repeated, reason);
    }

    public boolean isRefused() {
        return refusal != null;
    }
}
