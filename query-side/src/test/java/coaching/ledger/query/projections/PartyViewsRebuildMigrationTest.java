package coaching.ledger.query.projections;

import coaching.ledger.query.Views;
import coaching.ledger.query.testing.ProjectionHarness;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database whose party views hold versions of the earlier rule (the engagement's sequence number)
 * is upgraded by V108 to views that rebuild from the first event when the query side starts: their
 * rows, their processors' tokens and their parked events are gone; the compliance view stays.
 */
class PartyViewsRebuildMigrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void upgradingEmptiesThePartyViewsAndResetsTheirProcessorsOnly(String vendor) {
        DataSource dataSource = vendor.equals("h2") ? ProjectionHarness.h2() : ProjectionHarness.postgres();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        migrate(dataSource, vendor, "107");
        jdbc.sql("INSERT INTO boss_engagement (engagement_id, status, version) VALUES ('eng-old', 'ACTIVE', 7)")
                .update();
        jdbc.sql("INSERT INTO compliance_engagement (engagement_id, version) VALUES ('eng-old', 7)")
                .update();
        for (String processor : Views.NAMES) {
            jdbc.sql("INSERT INTO TokenEntry (processorName, segment) VALUES (?, 0)")
                    .param(processor)
                    .update();
            parkAnEvent(jdbc, processor);
        }

        migrate(dataSource, vendor, "latest");

        assertThat(jdbc.sql("SELECT COUNT(*) FROM boss_engagement")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT version FROM compliance_engagement")
                        .query(Long.class)
                        .list())
                .containsExactly(7L);
        assertThat(jdbc.sql("SELECT processorName FROM TokenEntry")
                        .query(String.class)
                        .list())
                .containsExactly("compliance");
        assertThat(jdbc.sql("SELECT processingGroup FROM DeadLetterEntry")
                        .query(String.class)
                        .list())
                .containsExactly("compliance");
    }

    private static void migrate(DataSource dataSource, String vendor, String target) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + vendor)
                .target(target)
                .load()
                .migrate();
    }

    private static void parkAnEvent(JdbcClient jdbc, String processor) {
        jdbc.sql(
                        "INSERT INTO DeadLetterEntry (deadLetterIdentifier, processingGroup, sequenceIdentifier, sequenceIndex,"
                                + " messageType, eventIdentifier, timestamp, payloadType, payload, enqueuedAt)"
                                + " VALUES (?, ?, 'eng-old', 0, 'event', 'event-id', 'now', 'Payload', ?, 'now')")
                .params(processor + "-letter", processor, new byte[] {1})
                .update();
    }
}
