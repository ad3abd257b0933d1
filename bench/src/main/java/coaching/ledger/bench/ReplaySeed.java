package coaching.ledger.bench;

import coaching.ledger.kernel.closure.EngagementClosed;
import coaching.ledger.kernel.closure.Outcome;
import coaching.ledger.kernel.closure.SatisfactionRecorded;
import coaching.ledger.kernel.coaches.Certification;
import coaching.ledger.kernel.coaches.CoachRegistered;
import coaching.ledger.kernel.coaches.CoachStream;
import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.Scope;
import coaching.ledger.kernel.consent.UpdateConsentGranted;
import coaching.ledger.kernel.consent.UpdateConsentRevoked;
import coaching.ledger.kernel.disclosure.DisclosureRefused;
import coaching.ledger.kernel.disclosure.RefusalReason;
import coaching.ledger.kernel.disclosure.UpdateRequested;
import coaching.ledger.kernel.disclosure.UpdateShared;
import coaching.ledger.kernel.selection.BudgetApproved;
import coaching.ledger.kernel.selection.CoachSelected;
import coaching.ledger.kernel.selection.CoachesShortlisted;
import coaching.ledger.kernel.selection.EngagementOpened;
import coaching.ledger.kernel.selection.Purpose;
import coaching.ledger.kernel.selection.Urgency;
import coaching.ledger.kernel.sessions.SessionLogged;
import coaching.ledger.platform.audit.CheckpointLog;
import coaching.ledger.platform.audit.EventChainSealer;
import coaching.ledger.platform.audit.LedgerVerifier;
import coaching.ledger.platform.audit.LogTree;
import coaching.ledger.platform.audit.VerificationReport;
import coaching.ledger.platform.sealing.Sealer;
import coaching.ledger.platform.testing.InMemoryClientDataKeys;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The W3 history: valid engagement streams, interleaved as a live ledger interleaves them (a few
 * hundred engagements in progress at any time), written with JDBC batches in exactly the stored form
 * (Axon's serializer with the ledger's mapper, revisions, actor metadata), then sealed into the hash
 * chain by the ledger's own sealer and checked by its own verifier. Seeded once into a template.
 *
 * <p>Confidential texts are sealed as the command side seals them (each event's {@code sealed}, the
 * real {@link Sealer}, one key per client), so the history has the envelopes' sizes. The keys stay in
 * this process: a replay stores envelopes as the events hold them and never opens one.
 */
final class ReplaySeed {

    /** Bump when the generated history changes, so old templates are reseeded (v2: texts sealed). */
    static final String VERSION = "seed-v2";

    private static final int COACHES = 60;
    private static final int LIVE_ENGAGEMENTS = 500;
    private static final int BATCH = 2_000;

    private final Random random = new Random(20261124L);
    private final Sealer sealer = InMemoryClientDataKeys.sealer();
    private final Instant firstEventAt;
    private final long millisPerEvent;
    private final int events;
    private long written;
    private long engagementsStarted;

    private ReplaySeed(int events) {
        this.events = events;
        this.firstEventAt = Instant.now().minus(Duration.ofDays(730)).truncatedTo(ChronoUnit.MILLIS);
        this.millisPerEvent = Math.max(1, Duration.ofDays(720).toMillis() / Math.max(1, events));
    }

    static String marker(int events) {
        return VERSION + " events=" + events;
    }

    /** Seeds, seals and verifies; the views are built afterwards by a ledger run on the template. */
    static void seed(Store template, int events, Consumer<String> log) {
        template.recreateWithSchema();
        long start = System.nanoTime();
        ReplaySeed seed = new ReplaySeed(events);
        try (Connection connection = template.connect()) {
            connection.setAutoCommit(false);
            seed.write(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("seeding failed: " + e.getMessage(), e);
        }
        log.accept(String.format(
                "seeded %,d events (%,d engagements, %d coaches) in %.1f s",
                seed.written, seed.engagementsStarted, COACHES, (System.nanoTime() - start) / 1e9));

        DriverManagerDataSource dataSource =
                new DriverManagerDataSource(template.url(), template.user(), template.password());
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        start = System.nanoTime();
        Duration gapTimeout = Duration.ofSeconds(10);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        LogTree tree = new LogTree(jdbc, StoredForm.MAPPER);
        int sealed = new EventChainSealer(jdbc, transactions, tree, Duration.ofSeconds(1), gapTimeout, 10_000)
                .sealAvailable();
        log.accept(String.format(
                "sealed %,d events into the hash chain in %.1f s", sealed, (System.nanoTime() - start) / 1e9));
        start = System.nanoTime();
        VerificationReport report = new LedgerVerifier(
                        dataSource, StoredForm.MAPPER, gapTimeout, tree, new CheckpointLog(jdbc), Optional.empty())
                .verify(null);
        log.accept(String.format(
                "verified: %s, %,d events and %,d disclosures checked in %.1f s",
                report.verified(),
                report.eventsChecked(),
                report.disclosuresChecked(),
                (System.nanoTime() - start) / 1e9));
        if (!report.verified()) {
            throw new IllegalStateException("the seeded history does not verify: "
                    + report.problems().stream().limit(5).toList());
        }
    }

    /** Writes a history of {@code events} events, unsealed, into a database that has the ledger's schema. */
    static void writeUnsealed(Connection connection, int events) throws SQLException {
        connection.setAutoCommit(false);
        new ReplaySeed(events).write(connection);
    }

    private void write(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO DomainEventEntry (aggregateIdentifier,"
                + " sequenceNumber, type, eventIdentifier, metaData, payload, payloadRevision, payloadType, timeStamp)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int number = 0; number < COACHES && written < events; number++) {
                int coach = number;
                String coachId = coachId(coach);
                append(
                        insert,
                        new Planned(
                                CoachStream.of(coachId),
                                "Coach",
                                0,
                                "hr-hana",
                                "HR",
                                at -> new CoachRegistered(
                                        coachId,
                                        "Coach " + coach,
                                        List.of(new Certification(
                                                "ICF", coach % 3 == 0 ? "MCC" : "PCC", LocalDate.of(2028, 6, 30))),
                                        5 + coach % 20,
                                        List.of("leadership", coach % 2 == 0 ? "transitions" : "communication"))));
            }
            List<Deque<Planned>> live = new ArrayList<>();
            while (written < events) {
                while (live.size() < LIVE_ENGAGEMENTS) {
                    live.add(story(engagementsStarted++));
                }
                int pick = random.nextInt(live.size());
                Deque<Planned> story = live.get(pick);
                append(insert, story.poll());
                if (story.isEmpty()) {
                    live.set(pick, live.get(live.size() - 1));
                    live.remove(live.size() - 1);
                }
                if (written % BATCH == 0) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
    }

    /** One event to append: its stream, its sequence, who causes it, and its payload at the time it happens. */
    private record Planned(
            String streamId,
            String aggregateType,
            long sequence,
            String actorId,
            String actorRole,
            Function<EventContext, Object> payload) {}

    private record EventContext(Instant at) {}

    private final Map<String, String> grantEventIds = new HashMap<>();

    private void append(PreparedStatement insert, Planned planned) throws SQLException {
        Instant at = firstEventAt.plusMillis(written * millisPerEvent);
        String eventId = UUID.randomUUID().toString();
        Object payload = planned.payload().apply(new EventContext(at));
        if (payload instanceof UpdateConsentGranted grant) {
            grantEventIds.put(grant.engagementId() + "/" + grant.consentId(), eventId + "@" + planned.sequence());
        }
        StoredForm.Serialized serialized = StoredForm.payload(payload);
        insert.setString(1, planned.streamId());
        insert.setLong(2, planned.sequence());
        insert.setString(3, planned.aggregateType());
        insert.setString(4, eventId);
        insert.setBytes(
                5,
                StoredForm.metaData(
                        planned.actorId(),
                        planned.actorRole(),
                        UUID.randomUUID().toString()));
        insert.setBytes(6, serialized.bytes());
        insert.setString(7, serialized.revision());
        insert.setString(8, serialized.type());
        insert.setString(9, at.toString());
        insert.addBatch();
        written++;
    }

    /**
     * An engagement's whole life: opened, shortlisted, coach selected, budget approved, consent for
     * the boss (and sometimes for HR), then sessions, update requests, shared updates, an occasional
     * refused one and revocation, and finally satisfaction and closure.
     */
    private Deque<Planned> story(long number) {
        String id = "eng-" + number;
        String client = "client-" + number;
        String boss = "boss-" + (number % 300);
        String hr = "hr-" + (number % 7 == 0 ? "hana" : String.valueOf(number % 12));
        List<String> shortlist = List.of(
                        coachId(random.nextInt(COACHES)), coachId((int) (number % COACHES)), coachId((int)
                                ((number * 7 + 3) % COACHES)))
                .stream()
                .distinct()
                .toList();
        String coach = shortlist.get(random.nextInt(shortlist.size()));
        int sessions = 4 + random.nextInt(9);
        boolean hrConsent = random.nextInt(4) == 0;
        Deque<Planned> story = new ArrayDeque<>();
        Sequencer next = new Sequencer(id, story);
        next.add(
                hr,
                "HR",
                at -> new EngagementOpened(
                        id,
                        client,
                        boss,
                        hr,
                        number % 5 == 0 ? Purpose.REMEDIAL : Purpose.DEVELOPMENTAL,
                        Urgency.values()[(int) (number % 3)]));
        next.add(hr, "HR", at -> new CoachesShortlisted(id, shortlist));
        next.add(client, "CLIENT", at -> new CoachSelected(id, coach));
        next.add(
                boss,
                "BOSS",
                at -> new BudgetApproved(
                        id,
                        sessions + 2,
                        BigDecimal.valueOf((sessions + 2) * 1200L, 0).setScale(2),
                        "EUR"));
        next.add(
                client,
                "CLIENT",
                at -> new UpdateConsentGranted(
                        id,
                        "c-1",
                        client,
                        Audience.BOSS,
                        EnumSet.of(Scope.ATTENDANCE, Scope.PROGRESS),
                        null,
                        "quarterly review with my manager",
                        "2026-11"));
        if (hrConsent) {
            next.add(
                    client,
                    "CLIENT",
                    at -> new UpdateConsentGranted(
                            id,
                            "c-2",
                            client,
                            Audience.HR,
                            EnumSet.of(Scope.OUTCOME),
                            null,
                            "programme evaluation",
                            "2026-11"));
        }
        int requests = 0;
        int updates = 0;
        boolean revoked = false;
        for (int session = 1; session <= sessions; session++) {
            int s = session;
            next.add(
                    coach,
                    "COACH",
                    at -> new SessionLogged(
                                    id, "s-" + s, coach, LocalDate.ofInstant(at.at(), ZoneOffset.UTC), 60, notes(s))
                            .sealed(sealer, client));
            int roll = random.nextInt(10);
            if (roll < 3) {
                int r = ++requests;
                next.add(
                        boss,
                        "BOSS",
                        at -> new UpdateRequested(
                                        id,
                                        "r-" + r,
                                        Audience.BOSS,
                                        boss,
                                        Scope.PROGRESS,
                                        "Could you share how the coaching is going? Request " + r
                                                + " ahead of the review.")
                                .sealed(sealer, client));
            } else if (roll < 6 && !revoked) {
                int u = ++updates;
                long grantSequence = next.sequenceOf("c-1");
                next.add(
                        coach,
                        "COACH",
                        at -> share(
                                id,
                                client,
                                "u-" + u,
                                Audience.BOSS,
                                Scope.PROGRESS,
                                boss,
                                coach,
                                at.at(),
                                "c-1",
                                "quarterly review with my manager",
                                grantSequence));
            } else if (roll == 6) {
                int u = ++updates;
                next.add(
                        coach,
                        "COACH",
                        at -> new DisclosureRefused(
                                id,
                                "u-" + u,
                                Audience.HR,
                                hrConsent ? Scope.PROGRESS : Scope.OUTCOME,
                                coach,
                                hrConsent ? RefusalReason.SCOPE_NOT_COVERED : RefusalReason.AUDIENCE_NOT_COVERED));
            } else if (roll == 7 && hrConsent) {
                int u = ++updates;
                long grantSequence = next.sequenceOf("c-2");
                next.add(
                        coach,
                        "COACH",
                        at -> share(
                                id,
                                client,
                                "u-" + u,
                                Audience.HR,
                                Scope.OUTCOME,
                                hr,
                                coach,
                                at.at(),
                                "c-2",
                                "programme evaluation",
                                grantSequence));
            } else if (roll == 8 && session == sessions && random.nextInt(5) == 0) {
                revoked = true;
                next.add(
                        client,
                        "CLIENT",
                        at -> new UpdateConsentRevoked(id, "c-1", "the review is done").sealed(sealer, client));
            }
        }
        int score = 3 + random.nextInt(3);
        next.add(
                client,
                "CLIENT",
                at -> new SatisfactionRecorded(id, score, "Helpful sessions, score " + score).sealed(sealer, client));
        List<String> ended = new ArrayList<>();
        if (!revoked) {
            ended.add("c-1");
        }
        if (hrConsent) {
            ended.add("c-2");
        }
        next.add(
                hr,
                "HR",
                at -> new EngagementClosed(id, Outcome.COMPLETED, "programme completed", hr, List.copyOf(ended))
                        .sealed(sealer, client));
        return story;
    }

    private UpdateShared share(
            String id,
            String client,
            String updateId,
            Audience audience,
            Scope scope,
            String recipient,
            String coach,
            Instant at,
            String consentId,
            String purpose,
            long grantSequence) {
        String grant = grantEventIds.get(id + "/" + consentId);
        String grantEventId = grant.substring(0, grant.indexOf('@'));
        return new UpdateShared(
                        id,
                        updateId,
                        audience,
                        scope,
                        "Progress note " + updateId + ": the client is working on "
                                + "delegation and feedback conversations and reports steady progress towards the agreed goals.",
                        recipient,
                        coach,
                        at,
                        consentId,
                        purpose,
                        grantEventId,
                        grantSequence)
                .sealed(sealer, client);
    }

    private static String notes(int session) {
        return "Session " + session
                + ". Explored the client's leadership challenges, practised a difficult conversation, "
                + "agreed on two experiments for the coming weeks and reviewed the previous ones. Confidential between "
                + "coach and client.";
    }

    private static String coachId(int coach) {
        return String.format("coach-%02d", coach);
    }

    /** Hands out an engagement's sequence numbers; consent c-1 is always its fifth event, c-2 (if any) its sixth. */
    private static final class Sequencer {
        private final String streamId;
        private final Deque<Planned> story;
        private long sequence;

        Sequencer(String streamId, Deque<Planned> story) {
            this.streamId = streamId;
            this.story = story;
        }

        void add(String actorId, String role, Function<EventContext, Object> payload) {
            story.add(new Planned(streamId, "Engagement", sequence++, actorId, role, payload));
        }

        long sequenceOf(String consentId) {
            return consentId.equals("c-1") ? 4 : 5;
        }
    }
}
