package coaching.ledger.kernel.erasure;

/** Why an erasure, or a command touching an erased client, is refused with 409. */
public enum ErasureConflict {
    /** The client's data was erased: no new data key until compliance re-authorises the client. */
    CLIENT_DATA_ERASED,
    /** The client has an engagement that is not closed. */
    ENGAGEMENT_NOT_CLOSED,
    /** The client has an engagement under a legal hold. */
    LEGAL_HOLD
}
