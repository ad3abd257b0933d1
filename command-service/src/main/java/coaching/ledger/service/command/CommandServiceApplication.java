package coaching.ledger.service.command;

import coaching.ledger.platform.LedgerPlatform;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The write side as its own service: the command HTTP API and the aggregates on the shared event
 * store. It runs no projections and serves no views; any number of instances may run side by side.
 */
@SpringBootApplication(scanBasePackages = {"coaching.ledger.command", "coaching.ledger.platform"})
public class CommandServiceApplication {

    public static void main(String[] args) {
        LedgerPlatform.keepAxonFromPhoningHome();
        SpringApplication.run(CommandServiceApplication.class, args);
    }
}
