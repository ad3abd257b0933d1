package coaching.ledger.app;

import coaching.ledger.platform.testing.TestDatabases;
import net.jqwik.api.lifecycle.BeforeContainer;

class CommandFuzzOnPostgresTest extends CommandFuzzing {

    @BeforeContainer
    static void startOnPostgres() {
        start(TestDatabases::postgres);
    }
}
