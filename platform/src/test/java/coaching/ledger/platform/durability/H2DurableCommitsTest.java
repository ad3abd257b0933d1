package coaching.ledger.platform.durability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The crash itself is CrashSafety*IT (ledger-app); here: the setting holds whatever the URL says. */
class H2DurableCommitsTest {

    @TempDir
    Path directory;

    private final ApplicationContextRunner ledger = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
            .withUserConfiguration(H2DurableCommits.class);

    @Test
    void everyPooledConnectionWritesEachCommitEvenWhenTheUrlAsksForAWriteDelay() {
        ledger.withPropertyValues("spring.datasource.url=jdbc:h2:file:" + directory.resolve("ledger") + ";WRITE_DELAY=500")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    List<Connection> open = new ArrayList<>();
                    try {
                        for (int n = 0; n < 3; n++) {
                            open.add(context.getBean(DataSource.class).getConnection());
                            assertThat(H2DurableCommits.writeDelay(open.get(n))).as("connection %d", n).isEqualTo("0");
                        }
                    } finally {
                        for (Connection connection : open) {
                            connection.close();
                        }
                    }
                });
    }

    @Test
    void refusesToStartOnAnH2FileThatWritesCommitsLate() {
        ledger.withBean(DataSource.class, () -> new DriverManagerDataSource(
                        "jdbc:h2:file:" + directory.resolve("late") + ";WRITE_DELAY=500", "sa", ""))
                .run(context -> assertThat(context).getFailure()
                        .hasMessageContaining("H2 reports WRITE_DELAY 500 ms"));
    }

    @Test
    void leavesAnInMemoryDatabaseAlone() {
        ledger.withBean(DataSource.class, () -> new DriverManagerDataSource("jdbc:h2:mem:durable;WRITE_DELAY=500", "sa", ""))
                .run(context -> assertThat(context).hasNotFailed());
    }
}
