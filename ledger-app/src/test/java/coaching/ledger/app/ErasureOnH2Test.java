package coaching.ledger.app;

import coaching.ledger.platform.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Erasure and legal holds over HTTP on H2, in a context of their own: they erase a demo client. */
class ErasureOnH2Test extends LedgerIntegrationTest implements ErasureScenarios {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }
}
