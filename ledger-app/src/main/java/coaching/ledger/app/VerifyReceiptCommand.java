package coaching.ledger.app;

import coaching.ledger.platform.audit.Receipt;
import coaching.ledger.platform.audit.ReceiptCheck;
import coaching.ledger.platform.audit.tlog.NoteVerifier;
import coaching.ledger.platform.audit.tlog.ReceiptCheck.Disclosure;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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

    /** Far above any receipt; a bigger file is not one and is not read whole. */
    private static final long MAX_FILE_BYTES = 4L << 20;

    private VerifyReceiptCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path receiptFile = null;
        Path keyFile = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--public-key") && i + 1 < args.length && keyFile == null) {
                keyFile = Path.of(args[++i]);
            } else if (args[i].startsWith("--public-key=") && keyFile == null) {
                keyFile = Path.of(args[i].substring("--public-key=".length()));
            } else if (!args[i].startsWith("--") && receiptFile == null) {
                receiptFile = Path.of(args[i]);
            } else {
                return usage(err, "unexpected argument " + args[i]);
            }
        }
        if (receiptFile == null || keyFile == null) {
            return usage(err, receiptFile == null ? "no receipt FILE given" : "no --public-key KEYFILE given");
        }
        NoteVerifier key;
        try {
            key = NoteVerifier.parse(read(keyFile).strip());
        } catch (IOException | IllegalArgumentException unreadable) {
            err.println("cannot read the public key " + keyFile + ": " + unreadable.getMessage());
            return UNUSABLE;
        }
        String receipt;
        try {
            receipt = read(receiptFile);
        } catch (IOException unreadable) {
            err.println("cannot read the receipt " + receiptFile + ": " + unreadable.getMessage());
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

    /** The file as UTF-8; a receipt or key is text, so anything else is unreadable. */
    private static String read(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IOException("larger than " + MAX_FILE_BYTES + " bytes");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException notText) {
            throw new IOException("not UTF-8 text");
        }
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
