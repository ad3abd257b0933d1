package coaching.ledger.app;

import coaching.ledger.platform.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Erasure and legal holds over HTTP on Postgres, in a context of their own: they erase a demo client. */
class ErasureOnPostgresTest extends LedgerIntegrationTest implements ErasureScenarios, ErasureRaceScenarios {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry);
    }
}
