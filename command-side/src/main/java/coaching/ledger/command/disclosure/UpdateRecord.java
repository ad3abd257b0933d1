package coaching.ledger.command.disclosure;

import coaching.ledger.command.receipts.Recorded;

/**
 * What became of an update id: shared, or refused for {@code refusal} (null if shared), by whom and
 * with what (as a fingerprint), and the version its receipt answered.
 */
record UpdateRecord(Recorded recorded, String refusal) {

    boolean refused() {
        return refusal != null;
    }

    long version() {
        return recorded.version();
    }
}
