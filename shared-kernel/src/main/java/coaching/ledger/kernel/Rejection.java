package coaching.ledger.kernel;

/**
 * A command the ledger declines, with the reason an HTTP caller sees as a problem status. Thrown
 * before anything is applied, so nothing of the command is recorded.
 */
public class Rejection extends RuntimeException {

    public enum Kind {
        /** Input is well-formed but not acceptable (400), naming the offending field. */
        INVALID,
        /** The principal may not do this on this engagement (403). */
        FORBIDDEN,
        /** No such engagement, coach or consent, or the principal may not know it exists (404). */
        NOT_FOUND,
        /** The command conflicts with the current state or reuses an id with other content (409). */
        CONFLICT
    }

    private final Kind kind;
    private final String field;
    private final String reason;

    private Rejection(Kind kind, String field, String message, String reason) {
        super(message, null, false, false);
        this.kind = kind;
        this.field = field;
        this.reason = reason;
    }

    private Rejection(Kind kind, String field, String message) {
        this(kind, field, message, null);
    }

    public static Rejection invalid(String field, String message) {
        return new Rejection(Kind.INVALID, field, message);
    }

    public static Rejection forbidden(String message) {
        return new Rejection(Kind.FORBIDDEN, null, message);
    }

    /** A refusal a caller can tell by a stable code (e.g. {@code NOT_SELECTED_COACH}), besides its message. */
    public static Rejection forbidden(String message, Enum<?> reason) {
        return new Rejection(Kind.FORBIDDEN, null, message, reason.name());
    }

    public static Rejection notFound(String message) {
        return new Rejection(Kind.NOT_FOUND, null, message);
    }

    public static Rejection conflict(String message) {
        return new Rejection(Kind.CONFLICT, null, message);
    }

    /** A conflict a caller can tell by a stable code (e.g. {@code CLIENT_DATA_ERASED}), besides its message. */
    public static Rejection conflict(String message, Enum<?> reason) {
        return new Rejection(Kind.CONFLICT, null, message, reason.name());
    }

    public Kind kind() {
        return kind;
    }

    /** The request field at fault, for {@link Kind#INVALID}; otherwise null. */
    public String field() {
        return field;
    }

    /** A stable code naming why, where the caller may act on it; otherwise null. */
    public String reason() {
        return reason;
    }

    /** The rejection as data: exceptions do not cross Axon Server, a command result's details do. */
    public Details details() {
        return new Details(kind, field, getMessage(), reason);
    }

    public record Details(Kind kind, String field, String message, String reason) {

        public Rejection rejection() {
            return new Rejection(kind, field, message, reason);
        }
    }
}
