package coaching.ledger.query.testing;

import coaching.ledger.platform.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Runs an integration test against a fresh schema of the PostgreSQL server of the machine. Every
 * test class implementing this shares one property source method, so Spring caches one context.
 */
public interface OnPostgres {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry);
    }
}
