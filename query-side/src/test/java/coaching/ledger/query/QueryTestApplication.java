package coaching.ledger.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The query side on its own, as the integration tests run it. */
@SpringBootApplication(scanBasePackages = {"coaching.ledger.query", "coaching.ledger.platform"})
public class QueryTestApplication {}
