package coaching.ledger.bench;

import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

/**
 * A database the ledger runs on: a database of the local PostgreSQL server (durable) or an H2 file
 * (each commit written to the file, so it survives a process crash, but never fsynced, so not a power
 * loss; docs/store-guarantees.md). Named databases are created fresh for each use; clones
 * of a seeded template are cheap on both.
 */
record Store(Kind kind, String name, String url, String user, String password, BenchOptions options) {

    enum Kind {
        POSTGRES("PostgreSQL"),
        H2("H2 (no fsync)");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    static Store of(Kind kind, BenchOptions options, String name) {
        return kind == Kind.POSTGRES ? postgres(options, name) : h2(options, name);
    }

    static Store postgres(BenchOptions options, String name) {
        return new Store(
                Kind.POSTGRES,
                name,
                options.postgresUrl() + name,
                options.postgresUser(),
                options.postgresPassword(),
                options);
    }

    static Store h2(BenchOptions options, String name) {
        Path file = options.workDirectory().resolve("h2").resolve(name).toAbsolutePath();
        return new Store(Kind.H2, name, "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "", options);
    }

    String label() {
        return kind.label;
    }

    boolean isPostgres() {
        return kind == Kind.POSTGRES;
    }

    /** Drops the database if it exists and creates it empty. */
    Store recreate() {
        drop();
        if (isPostgres()) {
            admin("CREATE DATABASE " + name);
        }
        return this;
    }

    /** Recreated, with the ledger's schema (platform and views) migrated by Flyway as the ledger does. */
    Store recreateWithSchema() {
        recreate();
        migrate();
        return this;
    }

    void migrate() {
        Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/migration/" + (isPostgres() ? "postgresql" : "h2"))
                .outOfOrder(true)
                .load()
                .migrate();
    }

    boolean exists() {
        if (isPostgres()) {
            try (Connection connection = adminConnection();
                    var query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                query.setString(1, name);
                return query.executeQuery().next();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return Files.exists(h2File());
    }

    void drop() {
        if (isPostgres()) {
            admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } else {
            try {
                Files.deleteIfExists(h2File());
                Files.deleteIfExists(h2File().resolveSibling(name + ".trace.db"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A fresh copy of this (seeded) database under another name: CREATE DATABASE ... TEMPLATE, or a file copy. */
    Store cloneAs(String cloneName) {
        Store clone = isPostgres() ? postgres(options, cloneName) : h2(options, cloneName);
        clone.drop();
        if (isPostgres()) {
            admin("CREATE DATABASE " + cloneName + " TEMPLATE " + name);
        } else {
            try {
                Files.createDirectories(clone.h2File().getParent());
                Files.copy(h2File(), clone.h2File(), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return clone;
    }

    void comment(String text) {
        if (isPostgres()) {
            admin("COMMENT ON DATABASE " + name + " IS '" + text.replace("'", "''") + "'");
        } else {
            try {
                Files.writeString(h2File().resolveSibling(name + ".seed"), text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    String comment() {
        if (isPostgres()) {
            try (Connection connection = adminConnection();
                    var query = connection.prepareStatement(
                            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = ?")) {
                query.setString(1, name);
                var rows = query.executeQuery();
                return rows.next() ? rows.getString(1) : null;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        Path seed = h2File().resolveSibling(name + ".seed");
        try {
            return Files.exists(seed) ? Files.readString(seed) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /**
     * PostgreSQL's own count of this database's committed transactions and rows written so far
     * ({@code pg_stat_database}); zeros on H2. A backend reports its counts within 10 s of going idle,
     * so read it again only after {@link #STATISTICS_SETTLE}.
     */
    long[] writes() {
        if (!isPostgres()) {
            return new long[] {0, 0};
        }
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            var rows = statement.executeQuery("SELECT xact_commit, tup_inserted + tup_updated + tup_deleted"
                    + " FROM pg_stat_database WHERE datname = current_database()");
            rows.next();
            return new long[] {rows.getLong(1), rows.getLong(2)};
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static final java.time.Duration STATISTICS_SETTLE = java.time.Duration.ofSeconds(11);

    long count(String sql) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            var rows = statement.executeQuery(sql);
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    void execute(String... statements) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    long sizeBytes() {
        if (isPostgres()) {
            return count("SELECT pg_database_size(current_database())");
        }
        try (Stream<Path> files = Files.list(h2File().getParent())) {
            return files.filter(file -> file.getFileName().toString().startsWith(name + "."))
                    .mapToLong(file -> file.toFile().length())
                    .sum();
        } catch (IOException e) {
            return -1;
        }
    }

    private Path h2File() {
        return options.workDirectory().resolve("h2").resolve(name + ".mv.db").toAbsolutePath();
    }

    private void admin(String sql) {
        try (Connection connection = adminConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private Connection adminConnection() throws SQLException {
        return DriverManager.getConnection(
                options.postgresUrl() + "postgres", options.postgresUser(), options.postgresPassword());
    }
}
