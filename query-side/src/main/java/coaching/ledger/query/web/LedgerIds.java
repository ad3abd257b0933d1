package coaching.ledger.query.web;

import coaching.ledger.kernel.LedgerId;
import coaching.ledger.kernel.Rejection;

import java.util.regex.Pattern;

/** Identifiers in paths and query parameters get the same check as in command bodies. */
public final class LedgerIds {

    private static final Pattern VALID = Pattern.compile(LedgerId.PATTERN);
    /** The kernel's own wording, so a bad id reads the same in a query as in a command. */
    private static final String MESSAGE = defaultMessage();

    private LedgerIds() {}

    public static String require(String field, String value) {
        if (value == null || !VALID.matcher(value).matches()) {
            throw Rejection.invalid(field, MESSAGE);
        }
        return value;
    }

    private static String defaultMessage() {
        try {
            return (String) LedgerId.class.getMethod("message").getDefaultValue();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("every constraint annotation has a message", e);
        }
    }
}
