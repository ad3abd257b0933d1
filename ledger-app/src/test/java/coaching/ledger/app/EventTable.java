package coaching.ledger.app;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/** The event store's own table, read directly: what a request recorded is what appeared after it. */
record EventTable(JdbcTemplate jdbc) {

    long head() {
        Long head = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
        return head == null ? -1 : head;
    }

    long rows() {
        Long rows = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
        return rows == null ? 0 : rows;
    }

    /** The simple type names of the events recorded after {@code head}, in store order. */
    List<String> typesAfter(long head) {
        return jdbc
                .queryForList(
                        "SELECT payloadType FROM DomainEventEntry WHERE globalIndex > ? ORDER BY globalIndex",
                        String.class,
                        head)
                .stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1))
                .toList();
    }

    /** Each event recorded after {@code head}, with its metadata (actor, correlation id): to tell where it came from. */
    List<String> describeAfter(long head) {
        return jdbc.query(
                "SELECT globalIndex, aggregateIdentifier, payloadType, timeStamp, metaData FROM DomainEventEntry"
                        + " WHERE globalIndex > ? ORDER BY globalIndex",
                (row, i) -> row.getLong(1) + " " + row.getString(2) + " " + row.getString(3) + " " + row.getString(4)
                        + " " + new String(row.getBytes(5), java.nio.charset.StandardCharsets.UTF_8),
                head);
    }
}
