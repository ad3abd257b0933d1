package coaching.ledger.app;

import org.junit.jupiter.api.BeforeAll;

import java.nio.file.Path;

/** The leak test on the embedded default, an H2 file (kept in target/nothing-leaks-h2 for a look after a failure). */
class NothingLeaksOnH2IT extends NothingLeaksScenarios {

    @BeforeAll
    static void start() {
        startOn(CrashStore.h2(Path.of("target", "nothing-leaks-h2").toAbsolutePath()));
    }
}
