package coaching.ledger.app;

import org.junit.jupiter.api.BeforeAll;

/** The 'postgres' profile on a fresh schema of the local PostgreSQL. */
class CrashSafetyOnPostgresIT extends CrashSafetyScenarios {

    @BeforeAll
    static void start() {
        startOn(CrashStore.postgres());
    }
}
