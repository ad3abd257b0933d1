package coaching.ledger.app;

import coaching.ledger.platform.LedgerPlatform;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Command side and query side in one process, on the embedded H2 file store by default. */
@SpringBootApplication(scanBasePackages = "coaching.ledger")
public class LedgerApplication {

    public static void main(String[] args) {
        LedgerPlatform.keepAxonFromPhoningHome();
        SpringApplication.run(LedgerApplication.class, args);
    }
}
