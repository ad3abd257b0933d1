package coaching.ledger.app;

import java.nio.file.Path;
import java.util.List;

/**
 * No confidential text in clear at rest on the embedded default: the raw bytes of every file of the
 * H2 store (kept in target/sealed-at-rest for a look after a failure).
 */
class SealedAtRestOnH2IT extends SealedAtRestScenarios {

    @Override
    RestingStore newStore(Path directory) {
        return new H2File(directory.resolve("data"));
    }

    /** The embedded default's store, {@code ./data/ledger} with {@code ./data} under the test's directory. */
    record H2File(Path data) implements RestingStore {

        @Override
        public String name() {
            return "H2 file";
        }

        @Override
        public List<String> ledgerArguments() {
            return List.of(
                    "--spring.datasource.url=jdbc:h2:file:" + data.resolve("ledger") + ";DB_CLOSE_ON_EXIT=FALSE");
        }

        /** Every file H2 wrote (the .mv.db and any other), not the key files beside them. */
        @Override
        public List<Stored> database() {
            return filesUnder(data.getParent()).stream()
                    .filter(file -> Path.of(file.place()).startsWith("data"))
                    .filter(file -> !Path.of(file.place()).startsWith(Path.of("data", "keys")))
                    .toList();
        }

        @Override
        public String recordedTextPlace() {
            return Path.of("data", "ledger.mv.db").toString();
        }

        @Override
        public void drop() {
            // the files stay in target for a look after a failure
        }
    }
}
