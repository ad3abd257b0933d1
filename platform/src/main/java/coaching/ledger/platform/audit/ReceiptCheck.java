package coaching.ledger.platform.audit;

/**
 * What checking a disclosure receipt found: {@link Outcome#VALID} with the facts it proves, else why not.
 *
 * @param disclosure the proven facts; null unless valid
 */
public record ReceiptCheck(Outcome outcome, String detail, Disclosure disclosure) {

    public enum Outcome {
        /** Both leaves are in the log under a checkpoint signed by the key, and the disclosure relied on that grant. */
        VALID,
        /** A receipt, but something in it was altered, signed by another key, or does not belong together. */
        INVALID,
        /** Not a receipt at all. */
        UNUSABLE
    }

    /** The facts a valid receipt proves, as the log recorded them. */
    public record Disclosure(
            String engagementId,
            String updateId,
            String audience,
            String scope,
            String recipientId,
            String sharedBy,
            String sharedAt,
            String consentId,
            String consentGrantEventId,
            String checkpointOrigin,
            long checkpointSize) {}

    static ReceiptCheck valid(String detail, Disclosure disclosure) {
        return new ReceiptCheck(Outcome.VALID, detail, disclosure);
    }

    static ReceiptCheck invalid(String detail) {
        return new ReceiptCheck(Outcome.INVALID, detail, null);
    }

    static ReceiptCheck unusable(String detail) {
        return new ReceiptCheck(Outcome.UNUSABLE, detail, null);
    }
}
