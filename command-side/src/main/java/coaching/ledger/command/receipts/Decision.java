package coaching.ledger.command.receipts;

import coaching.ledger.kernel.Receipt;

import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * What a rule decided about a command: record one event, or answer a repeat with the receipt of its
 * original. A rule that refuses the command throws a {@link coaching.ledger.kernel.Rejection} instead.
 * Deciding changes nothing; the aggregate carries the decision out.
 */
public sealed interface Decision {

    /** Record {@code event}; its receipt names {@code id}. */
    static Decision record(Object event, String id) {
        return new Apply(event, id, null);
    }

    /** Record {@code event}, a refused disclosure; its receipt names {@code id} and the refusal. */
    static Decision refuse(Object event, String id, String refusal) {
        return new Apply(event, id, refusal);
    }

    static Decision repeat(Receipt receipt) {
        return new Repeat(receipt);
    }

    /**
     * Applies what was decided and answers the receipt; {@code actorsVersion} is asked after the event
     * was applied, so it counts it.
     */
    Receipt carryOut(Consumer<Object> apply, LongSupplier actorsVersion);

    record Apply(Object event, String id, String refusal) implements Decision {

        @Override
        public Receipt carryOut(Consumer<Object> apply, LongSupplier actorsVersion) {
            apply.accept(event);
            return new Receipt(id, actorsVersion.getAsLong(), false, refusal);
        }
    }

    record Repeat(Receipt receipt) implements Decision {

        @Override
        public Receipt carryOut(Consumer<Object> apply, LongSupplier actorsVersion) {
            return receipt;
        }
    }
}
