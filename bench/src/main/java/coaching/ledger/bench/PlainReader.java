package coaching.ledger.bench;

import coaching.ledger.kernel.closure.EngagementClosed;
import coaching.ledger.kernel.closure.SatisfactionRecorded;
import coaching.ledger.kernel.disclosure.UpdateShared;
import coaching.ledger.kernel.selection.BudgetApproved;
import coaching.ledger.kernel.selection.CoachSelected;
import coaching.ledger.kernel.selection.CoachesShortlisted;
import coaching.ledger.kernel.selection.EngagementOpened;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * The physical limit for a replay: plain JDBC reads the event rows in global order (pages of 5,000,
 * as Axon's engine pages), parses every payload with Jackson into its event class, and batch-writes
 * an equivalent of the HR view's engagement table (same columns as hr_engagement): one upsert of the engagement's row for every
 * event the HR view applies, 1,000 statements to a JDBC batch and a transaction. No framework, no
 * tokens, no handlers.
 */
final class PlainReader {

    private static final int PAGE = 5_000;
    private static final int FLUSH = 1_000;
    private static final String COLUMNS =
            "engagement_id, client_id, boss_id, hr_id, purpose, urgency, status, shortlist,"
                    + " selected_coach_id, budget_sessions, budget_amount, budget_currency, opened_at, closed_at, outcome,"
                    + " satisfaction_score, version";

    private final Store store;
    private final Map<String, Class<?>> types = new HashMap<>();
    private final Map<String, EngagementRow> rows = new HashMap<>();

    PlainReader(Store store) {
        this.store = store;
    }

    record Outcome(long events, long writes, double seconds, long cpuNanos, long pgCpuNanos) {}

    Outcome run() {
        try (Connection reader = store.connect();
                Connection writer = store.connect()) {
            try (Statement ddl = writer.createStatement()) {
                ddl.execute("DROP TABLE IF EXISTS bench_ref_hr_engagement");
                ddl.execute("CREATE TABLE bench_ref_hr_engagement (engagement_id VARCHAR(64) NOT NULL PRIMARY KEY,"
                        + " client_id VARCHAR(64), boss_id VARCHAR(64), hr_id VARCHAR(255), purpose VARCHAR(20),"
                        + " urgency VARCHAR(20), status VARCHAR(20) NOT NULL, shortlist VARCHAR(1000),"
                        + " selected_coach_id VARCHAR(64), budget_sessions INTEGER, budget_amount NUMERIC(14, 2),"
                        + " budget_currency VARCHAR(3), opened_at TIMESTAMP WITH TIME ZONE, closed_at TIMESTAMP WITH TIME ZONE,"
                        + " outcome VARCHAR(20), satisfaction_score INTEGER, version BIGINT NOT NULL)");
            }
            reader.setAutoCommit(false);
            reader.setReadOnly(true);
            writer.setAutoCommit(false);
            long cpu = Cpu.jvmNanos();
            long pgCpu = Cpu.postgresNanos();
            long start = System.nanoTime();
            long events = 0;
            long writes = 0;
            String upsertSql = store.isPostgres()
                    ? "INSERT INTO bench_ref_hr_engagement (" + COLUMNS
                            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                            + " ON CONFLICT (engagement_id) DO UPDATE SET client_id = EXCLUDED.client_id, boss_id = EXCLUDED.boss_id,"
                            + " hr_id = EXCLUDED.hr_id, purpose = EXCLUDED.purpose, urgency = EXCLUDED.urgency, status = EXCLUDED.status,"
                            + " shortlist = EXCLUDED.shortlist, selected_coach_id = EXCLUDED.selected_coach_id,"
                            + " budget_sessions = EXCLUDED.budget_sessions, budget_amount = EXCLUDED.budget_amount,"
                            + " budget_currency = EXCLUDED.budget_currency, opened_at = EXCLUDED.opened_at,"
                            + " closed_at = EXCLUDED.closed_at, outcome = EXCLUDED.outcome,"
                            + " satisfaction_score = EXCLUDED.satisfaction_score, version = EXCLUDED.version"
                    : "MERGE INTO bench_ref_hr_engagement (" + COLUMNS + ") KEY (engagement_id)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
            try (PreparedStatement page =
                            reader.prepareStatement("SELECT globalIndex, sequenceNumber, payloadType, payload,"
                                    + " timeStamp FROM DomainEventEntry WHERE globalIndex > ? ORDER BY globalIndex LIMIT "
                                    + PAGE);
                    PreparedStatement upsert = writer.prepareStatement(upsertSql)) {
                long last = 0;
                int pending = 0;
                boolean more = true;
                while (more) {
                    page.setLong(1, last);
                    int read = 0;
                    try (ResultSet result = page.executeQuery()) {
                        while (result.next()) {
                            read++;
                            events++;
                            last = result.getLong(1);
                            EngagementRow row = apply(
                                    result.getLong(2), result.getString(3), result.getBytes(4), result.getString(5));
                            if (row != null) {
                                row.bind(upsert);
                                upsert.addBatch();
                                writes++;
                                if (++pending == FLUSH) {
                                    upsert.executeBatch();
                                    writer.commit();
                                    pending = 0;
                                }
                            }
                        }
                    }
                    reader.commit();
                    more = read == PAGE;
                }
                upsert.executeBatch();
                writer.commit();
            }
            long elapsed = System.nanoTime() - start;
            return new Outcome(events, writes, elapsed / 1e9, Cpu.jvmNanos() - cpu, Cpu.postgresNanos() - pgCpu);
        } catch (SQLException | java.io.IOException | ClassNotFoundException e) {
            throw new IllegalStateException("plain reader failed: " + e.getMessage(), e);
        }
    }

    /** The engagement row after this event, if the HR view applies the event. */
    private EngagementRow apply(long sequence, String payloadType, byte[] payload, String timeStamp)
            throws java.io.IOException, ClassNotFoundException {
        Class<?> type = types.get(payloadType);
        if (type == null) {
            type = Class.forName(payloadType);
            types.put(payloadType, type);
        }
        Object event = StoredForm.MAPPER.readValue(payload, type);
        EngagementRow row;
        if (event instanceof EngagementOpened opened) {
            row = new EngagementRow(opened.engagementId());
            rows.put(opened.engagementId(), row);
            row.clientId = opened.clientId();
            row.bossId = opened.bossId();
            row.hrId = opened.hrId();
            row.purpose = opened.purpose().name();
            row.urgency = opened.urgency().name();
            row.status = "OPENED";
            row.openedAt = Instant.parse(timeStamp);
        } else if (event instanceof CoachesShortlisted shortlisted) {
            row = rows.get(shortlisted.engagementId());
            row.shortlist = String.join(",", shortlisted.coachIds());
            row.status = "OPENED".equals(row.status) ? "SHORTLISTED" : row.status;
        } else if (event instanceof CoachSelected selected) {
            row = rows.get(selected.engagementId());
            row.selectedCoachId = selected.coachId();
            row.status = row.budgetCurrency != null && !"CLOSED".equals(row.status) ? "ACTIVE" : row.status;
        } else if (event instanceof BudgetApproved budget) {
            row = rows.get(budget.engagementId());
            row.budgetSessions = budget.sessions();
            row.budgetAmount = budget.amount();
            row.budgetCurrency = budget.currency();
            row.status = row.selectedCoachId != null && !"CLOSED".equals(row.status) ? "ACTIVE" : row.status;
        } else if (event instanceof UpdateShared shared) {
            row = rows.get(shared.engagementId());
        } else if (event instanceof SatisfactionRecorded satisfaction) {
            row = rows.get(satisfaction.engagementId());
            row.satisfactionScore = satisfaction.score();
        } else if (event instanceof EngagementClosed closed) {
            row = rows.get(closed.engagementId());
            row.status = "CLOSED";
            row.closedAt = Instant.parse(timeStamp);
            row.outcome = closed.outcome().name();
        } else {
            return null;
        }
        row.version = sequence;
        return row;
    }

    private static final class EngagementRow {
        final String engagementId;
        String clientId;
        String bossId;
        String hrId;
        String purpose;
        String urgency;
        String status;
        String shortlist;
        String selectedCoachId;
        Integer budgetSessions;
        BigDecimal budgetAmount;
        String budgetCurrency;
        Instant openedAt;
        Instant closedAt;
        String outcome;
        Integer satisfactionScore;
        long version;

        EngagementRow(String engagementId) {
            this.engagementId = engagementId;
        }

        void bind(PreparedStatement upsert) throws SQLException {
            upsert.setString(1, engagementId);
            upsert.setString(2, clientId);
            upsert.setString(3, bossId);
            upsert.setString(4, hrId);
            upsert.setString(5, purpose);
            upsert.setString(6, urgency);
            upsert.setString(7, status);
            upsert.setString(8, shortlist);
            upsert.setString(9, selectedCoachId);
            upsert.setObject(10, budgetSessions, Types.INTEGER);
            upsert.setBigDecimal(11, budgetAmount);
            upsert.setString(12, budgetCurrency);
            upsert.setObject(13, timestamp(openedAt), Types.TIMESTAMP_WITH_TIMEZONE);
            upsert.setObject(14, timestamp(closedAt), Types.TIMESTAMP_WITH_TIMEZONE);
            upsert.setString(15, outcome);
            upsert.setObject(16, satisfactionScore, Types.INTEGER);
            upsert.setLong(17, version);
        }

        private static OffsetDateTime timestamp(Instant instant) {
            return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
        }
    }
}
