package coaching.ledger.app;

import coaching.ledger.platform.audit.Receipt;
import coaching.ledger.platform.audit.ReceiptCheck;
import coaching.ledger.platform.audit.ReceiptCheck.Disclosure;
import coaching.ledger.platform.audit.tlog.NoteVerifier;

import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * {@code java -jar ledger-app.jar verify-receipt FILE --public-key KEYFILE}: checks a disclosure
 * receipt offline against the log's verifier key, without Spring, a database or a network, prints
 * what it proves (or why it proves nothing) and exits 0 when valid, 1 when invalid, 2 when the
 * receipt or the key cannot be read or the arguments are wrong.
 */
public final class VerifyReceiptCommand {

    static final int VALID = 0;
    static final int INVALID = 1;
    static final int UNUSABLE = 2;

    static final String USAGE = "usage: java -jar ledger-app.jar verify-receipt FILE --public-key KEYFILE";

    private VerifyReceiptCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine line;
        try {
            line = CommandLine.of(args, "--public-key");
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        if (!line.rest().isEmpty() || line.plain().size() > 1) {
            return usage(
                    err,
                    "unexpected argument "
                            + (line.rest().isEmpty()
                                    ? line.plain().get(1)
                                    : line.rest().get(0)));
        }
        if (line.plain().isEmpty() || !line.options().containsKey("--public-key")) {
            return usage(err, line.plain().isEmpty() ? "no receipt FILE given" : "no --public-key KEYFILE given");
        }
        NoteVerifier key;
        try {
            key = NoteVerifier.parse(line.file("--public-key").orElseThrow().strip());
        } catch (UncheckedIOException | IllegalArgumentException unreadable) {
            err.println("cannot read the public key: " + unreadable.getMessage());
            return UNUSABLE;
        }
        String receipt;
        try {
            receipt = CommandLine.read(line.plain().get(0));
        } catch (UncheckedIOException unreadable) {
            err.println("cannot read the receipt: " + unreadable.getMessage());
            return UNUSABLE;
        }
        ReceiptCheck check = Receipt.check(receipt, key);
        out.println(describe(check));
        return switch (check.outcome()) {
            case VALID -> VALID;
            case INVALID -> INVALID;
            case UNUSABLE -> UNUSABLE;
        };
    }

    static String describe(ReceiptCheck check) {
        Disclosure d = check.disclosure();
        return switch (check.outcome()) {
            case VALID ->
                "VALID receipt\n"
                        + "  update " + d.updateId() + " of engagement " + d.engagementId() + " (scope " + d.scope()
                        + ") was shared with " + d.recipientId() + " (" + d.audience() + ") by " + d.sharedBy()
                        + " at " + d.sharedAt() + "\n"
                        + "  under consent " + d.consentId() + ", granted by event " + d.consentGrantEventId() + "\n"
                        + "  both are in checkpoint " + d.checkpointOrigin() + " of tree size " + d.checkpointSize()
                        + "\n"
                        + "  " + check.detail();
            case INVALID -> "INVALID receipt: " + check.detail();
            case UNUSABLE -> "not a receipt: " + check.detail();
        };
    }

    private static int usage(PrintStream err, String problem) {
        err.println(problem);
        err.println(USAGE);
        return UNUSABLE;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }
}
