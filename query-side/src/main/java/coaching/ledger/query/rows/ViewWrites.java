package coaching.ledger.query.rows;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the views write their tables. Inside a processor's batch (an Axon unit of work) statements are
 * collected and sent when the batch commits, in the batch's transaction, as JDBC batches: a round
 * trip per kind of statement instead of one per statement, which was most of what a replay cost
 * (bench W3). Order is kept where it matters: the statements about one engagement run in the order
 * they were issued, while different engagements are independent, as the processors' sequencing
 * policy already treats them. Outside a unit of work (a handler called directly) a statement runs at
 * once. A handler that reads its own view calls {@link #flush()} first.
 * <p>
 * A view's processor parks an event whose handler fails in its dead-letter queue (see
 * {@code projections.deadletters}); what that event's handlers had written must then not reach the
 * view, so {@link #discard} takes back its pending statements. A statement that fails only at the
 * commit has no handler left to blame, so the batch rolls back (nothing is skipped: the processor
 * tries it again) and its retry runs <em>isolated</em>: each statement at once, each event behind a
 * savepoint, so the failing event's handler throws, its writes roll back to its savepoint and it is
 * parked, while the batch's other events commit. Retrying parked events runs isolated as well.
 */
@Component
public class ViewWrites {

    /** The unit-of-work resource naming the view whose processor runs it (set by the views' processors). */
    public static final String VIEW_RESOURCE = ViewWrites.class.getName() + ".view";
    /** More events than a few failed batches hold means something is wrong for good; forget rather than grow. */
    private static final int MAX_ISOLATED = 10_000;

    private static final Logger log = LoggerFactory.getLogger(ViewWrites.class);

    private final NamedParameterJdbcTemplate template;
    private final JdbcClient jdbc;
    private final Dialect dialect;
    private final String batchResource = ViewWrites.class.getName() + "@" + System.identityHashCode(this);
    /** "view/eventId" of the events of batches that rolled back: a batch holding one of them runs isolated. */
    private final Set<String> isolated = ConcurrentHashMap.newKeySet();

    public ViewWrites(NamedParameterJdbcTemplate template) {
        this.template = template;
        this.jdbc = JdbcClient.create(template);
        this.dialect = Dialect.of(template.getJdbcTemplate().execute((ConnectionCallback<String>)
                connection -> connection.getMetaData().getDatabaseProductName()));
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

    /**
     * Takes back what the current unit of work wrote for {@code event}, whose handling failed.
     *
     * @throws IllegalStateException when some of it was sent already (a handler flushed before it
     *                               failed): the batch must roll back, and its retry runs isolated
     */
    public void discard(Message<?> event) {
        Batch batch = currentBatch(false);
        if (batch != null) {
            batch.discard(event.getIdentifier());
        }
    }

    private void submit(String partition, String sql, Map<String, Object> params) {
        Batch batch = currentBatch(true);
        if (batch == null) {
            update(sql, params);
        } else {
            batch.add(partition, sql, params);
        }
    }

    private void update(String sql, Map<String, Object> params) {
        try {
            template.update(sql, params);
        } catch (DataAccessException e) {
            throw refused(sql, e);
        }
    }

    /** Trouble with the database goes on as it is (the processor retries it); a refused statement is described safely. */
    private static RuntimeException refused(String sql, DataAccessException failure) {
        return Failures.isTransient(failure) ? failure : new ViewWriteFailed(sql, failure);
    }

    private Batch currentBatch(boolean create) {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        if (!create) {
            return unitOfWork.getResource(batchResource);
        }
        return unitOfWork.getOrComputeResource(batchResource, key -> newBatch(unitOfWork));
    }

    private Batch newBatch(UnitOfWork<?> unitOfWork) {
        String view = unitOfWork.getResource(VIEW_RESOURCE);
        boolean retryingDeadLetter = unitOfWork.resources().containsKey(DeadLetter.class.getName());
        List<String> keys = view == null
                ? List.of()
                : messages(unitOfWork).stream()
                        .map(message -> view + "/" + message.getIdentifier())
                        .toList();
        Batch batch;
        if (retryingDeadLetter) {
            // the queue keeps the letter in the same transaction when it fails: its writes must not stay
            IsolatedBatch letter = new IsolatedBatch();
            unitOfWork.onRollback(rollingBack -> letter.discardCurrent());
            batch = letter;
        } else {
            boolean isolate = keys.stream().anyMatch(isolated::contains);
            batch = isolate ? new IsolatedBatch() : new Batch();
            if (!keys.isEmpty()) {
                unitOfWork.onRollback(rollingBack -> {
                    if (isolated.size() + keys.size() > MAX_ISOLATED) {
                        isolated.clear();
                    }
                    isolated.addAll(keys);
                });
            }
            if (isolate) {
                unitOfWork.afterCommit(committed -> keys.forEach(isolated::remove));
            }
        }
        unitOfWork.onPrepareCommit(committing -> batch.flush());
        return batch;
    }

    private static List<? extends Message<?>> messages(UnitOfWork<?> unitOfWork) {
        if (unitOfWork instanceof BatchingUnitOfWork<?> batch) {
            return batch.getMessages();
        }
        return unitOfWork.getMessage() == null ? List.of() : List.of(unitOfWork.getMessage());
    }

    private static String currentMessageId() {
        Message<?> message = CurrentUnitOfWork.get().getMessage();
        return message == null ? "" : message.getIdentifier();
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

    /** A statement waiting for its batch's commit, with the event whose handler issued it. */
    private record Pending(String event, String partition, String sql, Map<String, Object> params) {}

    /**
     * The statements of one unit of work. The n-th statement about a partition runs in round n, so
     * one partition's statements keep their order and a round holds at most one statement per
     * partition; within a round, statements of the same text go as one JDBC batch.
     */
    private class Batch {

        private final List<Pending> pending = new ArrayList<>();
        /** Events some of whose statements were sent already: they can no longer be taken back. */
        private final Set<String> sent = new HashSet<>();

        void add(String partition, String sql, Map<String, Object> params) {
            pending.add(new Pending(currentMessageId(), partition, sql, params));
        }

        void discard(String event) {
            if (sent.contains(event)) {
                throw new IllegalStateException("event " + event + " failed after its handler sent writes; "
                        + "the batch rolls back and is retried one event at a time");
            }
            pending.removeIf(statement -> statement.event().equals(event));
        }

        @SuppressWarnings("unchecked")
        void flush() {
            Map<String, Integer> issued = new HashMap<>();
            TreeMap<Integer, Map<String, List<Map<String, Object>>>> rounds = new TreeMap<>();
            for (Pending statement : pending) {
                int round = issued.merge(statement.partition(), 1, Integer::sum);
                rounds.computeIfAbsent(round, number -> new LinkedHashMap<>())
                        .computeIfAbsent(statement.sql(), text -> new ArrayList<>())
                        .add(statement.params());
                sent.add(statement.event());
            }
            pending.clear();
            for (Map<String, List<Map<String, Object>>> round : rounds.values()) {
                round.forEach((sql, params) -> {
                    try {
                        if (params.size() == 1) {
                            template.update(sql, params.get(0));
                        } else {
                            template.batchUpdate(sql, params.toArray(Map[]::new));
                        }
                    } catch (DataAccessException e) {
                        throw refused(sql, e);
                    }
                });
            }
        }
    }

    /**
     * The statements of a unit of work that runs one event at a time: each is sent at once, and each
     * event's first statement sets a savepoint, so a failing statement, or a handler failing after
     * its writes, rolls back that event's writes alone and leaves the transaction usable (PostgreSQL
     * refuses any further statement in a transaction with a failed one) for parking the event.
     */
    private final class IsolatedBatch extends Batch {

        private String event;
        private Savepoint savepoint;

        @Override
        void add(String partition, String sql, Map<String, Object> params) {
            String current = currentMessageId();
            if (savepoint == null || !current.equals(event)) {
                releaseSavepoint();
                event = current;
                savepoint = template.getJdbcTemplate().execute((ConnectionCallback<Savepoint>) c -> c.setSavepoint());
            }
            try {
                template.update(sql, params);
            } catch (DataAccessException e) {
                discardCurrent();
                throw refused(sql, e);
            }
        }

        @Override
        void discard(String failed) {
            if (failed.equals(event)) {
                discardCurrent();
            }
        }

        /** Rolls the transaction back to before the current event's first write. */
        void discardCurrent() {
            Savepoint rollbackTo = savepoint;
            savepoint = null;
            if (rollbackTo != null) {
                try {
                    template.getJdbcTemplate().execute((ConnectionCallback<Void>) c -> {
                        c.rollback(rollbackTo);
                        return null;
                    });
                } catch (DataAccessException e) {
                    // the transaction is lost anyway (the connection failed): it rolls back as a whole
                    log.debug("could not roll back to the event's savepoint", e);
                }
            }
        }

        @Override
        void flush() {
            // everything went at once
        }

        private void releaseSavepoint() {
            Savepoint done = savepoint;
            savepoint = null;
            if (done != null) {
                template.getJdbcTemplate().execute((ConnectionCallback<Void>) c -> {
                    c.releaseSavepoint(done);
                    return null;
                });
            }
        }
    }

    /** The two databases the views run on, which spell a single-statement upsert differently. */
    enum Dialect {
        POSTGRESQL,
        H2;

        static Dialect of(String productName) {
            return switch (productName) {
                case "PostgreSQL" -> POSTGRESQL;
                case "H2" -> H2;
                default -> throw new IllegalStateException("The views run on PostgreSQL or H2, not on " + productName);
            };
        }
    }
}
