package coaching.ledger.platform.security.signin;

import coaching.ledger.platform.PeriodicTask;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.actuate.audit.AuditEvent;
import org.springframework.boot.actuate.audit.AuditEventRepository;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spring Boot Actuator's audit events, kept in the ledger's database (platform migration V4) for
 * {@code ledger.security.sign-in.audit-retention}: an hourly round deletes older rows. Each event keeps
 * its principal (cut to 200 characters: the user name is whatever the caller sent), the client address
 * and a short detail, and nothing else of its data.
 */
public class SecurityAudit implements AuditEventRepository, InitializingBean, DisposableBean {

    public static final String REMOTE_ADDRESS = "remoteAddress";
    public static final String DETAIL = "detail";
    /** What one query answers at most: the newest events. */
    static final int MAX_EVENTS = 1000;

    private final JdbcTemplate jdbc;
    private final Duration retention;
    private final Clock clock;
    private final PeriodicTask purge;

    public SecurityAudit(JdbcTemplate jdbc, Duration retention, Clock clock) {
        this.jdbc = jdbc;
        this.retention = retention;
        this.clock = clock;
        this.purge = new PeriodicTask("security-audit-retention", Duration.ofHours(1), this::deleteExpired);
    }

    @Override
    public void add(AuditEvent event) {
        jdbc.update(
                "INSERT INTO security_audit_event (occurredAt, principal, type, remoteAddress, detail)"
                        + " VALUES (?, ?, ?, ?, ?)",
                OffsetDateTime.ofInstant(event.getTimestamp(), ZoneOffset.UTC),
                cut(event.getPrincipal(), 200),
                cut(event.getType(), 64),
                cut(text(event.getData().get(REMOTE_ADDRESS)), 100),
                cut(text(event.getData().get(DETAIL)), 500));
    }

    @Override
    public List<AuditEvent> find(String principal, Instant after, String type) {
        StringBuilder sql = new StringBuilder(
                "SELECT occurredAt, principal, type, remoteAddress, detail FROM security_audit_event WHERE 1 = 1");
        List<Object> arguments = new ArrayList<>();
        if (principal != null) {
            sql.append(" AND principal = ?");
            arguments.add(principal);
        }
        if (after != null) {
            sql.append(" AND occurredAt > ?");
            arguments.add(OffsetDateTime.ofInstant(after, ZoneOffset.UTC));
        }
        if (type != null) {
            sql.append(" AND type = ?");
            arguments.add(type);
        }
        sql.append(" ORDER BY id DESC LIMIT ").append(MAX_EVENTS);
        List<AuditEvent> newestFirst = jdbc.query(
                sql.toString(),
                (row, n) -> {
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put(REMOTE_ADDRESS, row.getString("remoteAddress"));
                    data.put(DETAIL, row.getString("detail"));
                    return new AuditEvent(
                            row.getObject("occurredAt", OffsetDateTime.class).toInstant(),
                            row.getString("principal"),
                            row.getString("type"),
                            data);
                },
                arguments.toArray());
        List<AuditEvent> events = new ArrayList<>(newestFirst);
        Collections.reverse(events);
        return events;
    }

    void deleteExpired() {
        jdbc.update(
                "DELETE FROM security_audit_event WHERE occurredAt < ?",
                OffsetDateTime.ofInstant(clock.instant().minus(retention), ZoneOffset.UTC));
    }

    @Override
    public void afterPropertiesSet() {
        purge.start();
    }

    @Override
    public void destroy() {
        purge.stop();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
