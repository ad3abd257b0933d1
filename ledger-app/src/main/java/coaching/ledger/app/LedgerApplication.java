package coaching.ledger.app;

import coaching.ledger.platform.LedgerPlatform;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.util.Arrays;

/** Command side and query side in one process, on the embedded H2 file store by default. */
@SpringBootApplication(scanBasePackages = "coaching.ledger")
public class LedgerApplication {

    /**
     * Runs the ledger; {@code verify} as first argument verifies its database instead (see VerifyCommand),
     * {@code rotate-kek} rotates its key-encryption key (see RotateKekCommand), {@code verify-receipt}
     * checks a disclosure receipt offline (see VerifyReceiptCommand).
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("verify")) {
            VerifyCommand.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("rotate-kek")) {
            RotateKekCommand.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("verify-receipt")) {
            VerifyReceiptCommand.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        LedgerPlatform.keepAxonFromPhoningHome();
        SpringApplication.run(LedgerApplication.class, args);
    }
}
