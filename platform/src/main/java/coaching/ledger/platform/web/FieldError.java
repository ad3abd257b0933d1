package coaching.ledger.platform.web;

/** One entry of a problem's {@code errors} array: which request field is wrong and why. */
public record FieldError(String field, String message) {}
