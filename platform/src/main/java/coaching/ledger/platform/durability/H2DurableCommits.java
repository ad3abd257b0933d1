package coaching.ledger.platform.durability;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * An H2 file database writes every commit to its file before the commit returns, so what the ledger
 * acknowledged survives a {@code kill -9} of the process the moment after.
 *
 * <p>H2 2.x (MVStore) keeps committed transactions in memory and writes them in the background up
 * to {@code WRITE_DELAY} later (500 ms by default): a ledger killed in between lost updates it had
 * answered 201 (issue 11: 95 of 1,159). With {@code WRITE_DELAY 0}, H2's TransactionStore stores the
 * MVStore at the end of every commit. The setting is database-wide and persistent, but a datasource
 * URL applies its own settings to every connection it opens ({@code ;WRITE_DELAY=500} would undo
 * it), so the pool applies it to every new connection after the URL's settings, and start-up fails
 * when the database does not report 0. Start-up also moves identities a crash left behind their
 * stored rows past them. H2 does not fsync a commit: it survives a process crash, not a power loss
 * (docs/store-guarantees.md).
 */
@Configuration(proxyBeanMethods = false)
public class H2DurableCommits {

    static final String WRITE_EACH_COMMIT = "SET WRITE_DELAY 0";
    private static final Logger log = LoggerFactory.getLogger(H2DurableCommits.class);

    /** Hikari's pool is sealed once it hands out its first connection; until then its init SQL can still be set. */
    @Bean
    static BeanPostProcessor h2PoolWritesEachCommit() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool && isH2File(pool.getJdbcUrl())) {
                    String init = pool.getConnectionInitSql();
                    pool.setConnectionInitSql(
                            init == null || init.isBlank() ? WRITE_EACH_COMMIT : init + "; " + WRITE_EACH_COMMIT);
                }
                return bean;
            }
        };
    }

    /** Runs once every bean exists, before the web server or any processor starts. */
    @Bean
    SmartInitializingSingleton h2CommitsReachTheFile(DataSource dataSource) {
        return () -> {
            try (Connection connection = dataSource.getConnection()) {
                if (!isH2File(connection.getMetaData().getURL())) {
                    return;
                }
                String writeDelay = writeDelay(connection);
                if (!"0".equals(writeDelay)) {
                    throw new IllegalStateException("H2 reports WRITE_DELAY " + writeDelay + " ms: commits would reach "
                            + "the file only that long after they were acknowledged, and a crash would lose them. Use the "
                            + "default connection pool (it sets WRITE_DELAY 0 on every connection) or run '"
                            + WRITE_EACH_COMMIT + "' as an admin user of the database.");
                }
                continueIdentitiesAfterTheirRows(connection);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot make H2's commits durable: " + e.getMessage(), e);
            }
        };
    }

    /**
     * H2 reserves identity values 32 at a time and records a new block in its own commit, after it
     * already hands values of it out: other sessions can commit rows with those values before the
     * block is recorded, and a crash in between restarts the identity below them (CrashSafetyOnH2IT
     * once met a new event at global index 290 while 290 to 292 were stored; the append fails on the
     * primary key until the identity has passed them). Before anything appends, every identity that
     * would hand out a stored value continues after the largest one.
     */
    static void continueIdentitiesAfterTheirRows(Connection connection) throws SQLException {
        record Identity(String schema, String table, String column, long next) {}
        List<Identity> identities = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet columns = statement.executeQuery(
                        "SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, IDENTITY_BASE"
                                + " FROM INFORMATION_SCHEMA.COLUMNS WHERE IS_IDENTITY = 'YES' AND TABLE_SCHEMA <> 'INFORMATION_SCHEMA'")) {
            while (columns.next()) {
                identities.add(new Identity(
                        columns.getString(1), columns.getString(2), columns.getString(3), columns.getLong(4)));
            }
        }
        for (Identity identity : identities) {
            String table = quoted(identity.schema()) + "." + quoted(identity.table());
            String column = quoted(identity.column());
            try (Statement statement = connection.createStatement();
                    ResultSet largest = statement.executeQuery("SELECT MAX(" + column + ") FROM " + table)) {
                long stored = largest.next() ? largest.getLong(1) : 0;
                if (stored >= identity.next()) {
                    statement.execute(
                            "ALTER TABLE " + table + " ALTER COLUMN " + column + " RESTART WITH " + (stored + 1));
                    log.warn(
                            "{}.{} would have handed out {} again after a crash; it continues at {}",
                            identity.table(),
                            identity.column(),
                            identity.next(),
                            stored + 1);
                }
            }
        }
    }

    private static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    static String writeDelay(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet setting = statement.executeQuery(
                        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            return setting.next() ? setting.getString(1) : null;
        }
    }

    /** Every H2 database but an in-memory one (a file, or a file behind an H2 server). */
    static boolean isH2File(String url) {
        return url != null && url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
    }
}
