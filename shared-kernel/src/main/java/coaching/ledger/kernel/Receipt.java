package coaching.ledger.kernel;

/**
 * What a command handler answers: the id of what was created or changed, the aggregate's version
 * (sequence number of its last event) at the time it was recorded, and whether this command was a
 * repeat that recorded nothing new. A refused disclosure is recorded too and names its reason.
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
