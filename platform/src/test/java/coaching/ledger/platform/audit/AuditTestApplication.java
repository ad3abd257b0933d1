package coaching.ledger.platform.audit;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The platform alone: event store, Flyway schema, chain sealer and verifier; no views. */
@SpringBootApplication(scanBasePackages = "coaching.ledger.platform")
class AuditTestApplication {}
