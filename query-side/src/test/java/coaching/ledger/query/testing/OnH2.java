package coaching.ledger.query.testing;

import coaching.ledger.platform.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Runs an integration test against an in-memory H2 database. Every test class implementing this
 * shares one property source method, so Spring caches one context for all of them.
 */
public interface OnH2 {

    @DynamicPropertySource
    static void h2(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }
}
