package coaching.ledger.app;

import org.junit.jupiter.api.BeforeAll;

import java.nio.file.Path;

/**
 * The embedded default: an H2 file, as {@code java -jar ledger-app.jar} keeps it under ./data. The
 * files stay in target/crash-h2 for a look after a failure.
 */
class CrashSafetyOnH2IT extends CrashSafetyScenarios {

    @BeforeAll
    static void start() {
        startOn(CrashStore.h2(Path.of("target", "crash-h2").toAbsolutePath()));
    }
}
