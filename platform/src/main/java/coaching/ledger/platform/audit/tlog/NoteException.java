package coaching.ledger.platform.audit.tlog;

/** Why a signed note was not accepted. */
public final class NoteException extends Exception {

    public enum Reason {
        /** Not a signed note at all. */
        MALFORMED,
        /** No signature by the key asked for (for example, signed by another key only). */
        UNKNOWN_KEY,
        /** A signature by the key's name and id that does not verify: the text or the signature was altered. */
        BAD_SIGNATURE
    }

    private final Reason reason;

    NoteException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
