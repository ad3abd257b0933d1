package coaching.ledger.app;

import org.junit.jupiter.api.BeforeAll;

/** The leak test on PostgreSQL, in a schema of its own. */
class NothingLeaksOnPostgresIT extends NothingLeaksScenarios {

    @BeforeAll
    static void start() {
        startOn(CrashStore.postgres());
    }
}
