package coaching.ledger.service.query;

import coaching.ledger.platform.LedgerPlatform;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The read side as its own service: the projections tail the shared event store, and it serves the
 * views, the export, verification and projection admin. No command endpoints. Instances share each
 * projection's segments through the token store and take over those of an instance that died.
 */
@SpringBootApplication(scanBasePackages = {"coaching.ledger.query", "coaching.ledger.platform"})
public class QueryServiceApplication {

    public static void main(String[] args) {
        LedgerPlatform.keepAxonFromPhoningHome();
        SpringApplication.run(QueryServiceApplication.class, args);
    }
}
