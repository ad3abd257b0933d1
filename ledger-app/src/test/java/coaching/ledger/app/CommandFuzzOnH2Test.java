package coaching.ledger.app;

import coaching.ledger.platform.testing.TestDatabases;
import net.jqwik.api.lifecycle.BeforeContainer;

class CommandFuzzOnH2Test extends CommandFuzzing {

    @BeforeContainer
    static void startOnH2() {
        start(TestDatabases::h2);
    }
}
