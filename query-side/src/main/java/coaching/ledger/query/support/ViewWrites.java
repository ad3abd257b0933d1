package coaching.ledger.query.support;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the views write their tables. Inside a processor's batch (an Axon unit of work) statements are
 * collected and sent when the batch commits, in the batch's transaction, as JDBC batches: a round
 * trip per kind of statement instead of one per statement, which was most of what a replay cost
 * (bench W3). Order is kept where it matters: the statements about one engagement run in the order
 * they were issued, while different engagements are independent, as the processors' sequencing
 * policy already treats them. Outside a unit of work (a handler called directly) a statement runs at
 * once. A handler that reads its own view calls {@link #flush()} first.
 */
@Component
public class ViewWrites {

    private final NamedParameterJdbcTemplate template;
    private final JdbcClient jdbc;
    private final Dialect dialect;
    private final String batchResource = ViewWrites.class.getName() + "@" + System.identityHashCode(this);

    public ViewWrites(NamedParameterJdbcTemplate template) {
        this.template = template;
        this.jdbc = JdbcClient.create(template);
        this.dialect = Dialect.of(template.getJdbcTemplate().execute(
                (ConnectionCallback<String>) connection -> connection.getMetaData().getDatabaseProductName()));
    }

    /** For reads, and for statements about a whole table (a reset). */
    public JdbcClient jdbc() {
        return jdbc;
    }

    /**
     * A statement about one engagement (or one coach, for the roster), ordered after the earlier
     * statements about the same {@code partition}. It must not touch rows of another partition.
     */
    public Statement sql(String partition, String sql) {
        return new Statement(partition, sql);
    }

    /** Inserts the row, or updates the columns it sets where a row with its key exists. */
    void upsert(String partition, Row row) {
        submit(partition, row.upsertSql(dialect), row.params());
    }

    /** Sends what the current batch has collected so far, so that a read in the same batch sees it. */
    public void flush() {
        Batch batch = currentBatch(false);
        if (batch != null) {
            batch.flush();
        }
    }

    private void submit(String partition, String sql, Map<String, Object> params) {
        Batch batch = currentBatch(true);
        if (batch == null) {
            template.update(sql, params);
        } else {
            batch.add(partition, sql, params);
        }
    }

    private Batch currentBatch(boolean create) {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        if (!create) {
            return unitOfWork.getResource(batchResource);
        }
        return unitOfWork.getOrComputeResource(batchResource, key -> {
            Batch batch = new Batch();
            unitOfWork.onPrepareCommit(committing -> batch.flush());
            return batch;
        });
    }

    /** One statement with its named parameters, sent by {@link #execute()}. */
    public final class Statement {

        private final String partition;
        private final String sql;
        private final Map<String, Object> params = new LinkedHashMap<>();

        private Statement(String partition, String sql) {
            this.partition = partition;
            this.sql = sql;
        }

        public Statement param(String name, Object value) {
            params.put(name, value);
            return this;
        }

        public void execute() {
            submit(partition, sql, params);
        }
    }

    /**
     * The statements of one unit of work. The n-th statement about a partition runs in round n, so
     * one partition's statements keep their order and a round holds at most one statement per
     * partition; within a round, statements of the same text go as one JDBC batch.
     */
    private final class Batch {

        private final Map<String, Integer> issued = new HashMap<>();
        private final TreeMap<Integer, Map<String, List<Map<String, Object>>>> rounds = new TreeMap<>();

        void add(String partition, String sql, Map<String, Object> params) {
            int round = issued.merge(partition, 1, Integer::sum);
            rounds.computeIfAbsent(round, number -> new LinkedHashMap<>())
                    .computeIfAbsent(sql, text -> new ArrayList<>())
                    .add(params);
        }

        @SuppressWarnings("unchecked")
        void flush() {
            for (Map<String, List<Map<String, Object>>> round : rounds.values()) {
                round.forEach((sql, params) -> {
                    if (params.size() == 1) {
                        template.update(sql, params.get(0));
                    } else {
                        template.batchUpdate(sql, params.toArray(Map[]::new));
                    }
                });
            }
            rounds.clear();
            issued.clear();
        }
    }

    /** The two databases the views run on, which spell a single-statement upsert differently. */
    enum Dialect {
        POSTGRESQL, H2;

        static Dialect of(String productName) {
            return switch (productName) {
                case "PostgreSQL" -> POSTGRESQL;
                case "H2" -> H2;
                default -> throw new IllegalStateException("The views run on PostgreSQL or H2, not on " + productName);
            };
        }
    }
}
