package coaching.ledger.query.hr;

import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.Scope;
import coaching.ledger.kernel.disclosure.DisclosureRefused;
import coaching.ledger.kernel.disclosure.RefusalReason;
import coaching.ledger.kernel.disclosure.UpdateShared;
import coaching.ledger.kernel.selection.EngagementOpened;
import coaching.ledger.kernel.selection.Purpose;
import coaching.ledger.kernel.selection.Urgency;
import coaching.ledger.kernel.sessions.SessionLogged;
import coaching.ledger.kernel.visibility.PartyView;
import coaching.ledger.platform.testing.LedgerHttp;
import coaching.ledger.query.testing.EngagementStory;
import coaching.ledger.query.testing.QuerySideHttpTest;
import coaching.ledger.query.testing.SseStream;
import coaching.ledger.query.testing.Step;
import coaching.ledger.query.testing.ViewVersion;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What an HR live stream holds, when it ends and how many a user may open; on H2 and PostgreSQL. */
abstract class HrLiveStreamHttpTest extends QuerySideHttpTest {

    private static final String STREAM = "/api/v1/hr/engagements/stream";
    /** Far larger than any socket buffer, so a client that does not read blocks the server's writes. */
    private static final int LARGE_UPDATE_CHARS = 200_000;

    @LocalServerPort
    private int port;

    @Autowired
    private HrEngagementFeed feed;

    @Autowired
    private EventStore eventStore;

    @Value("${ledger.hr.stream.max-pending}")
    private int maxPending;

    @Value("${ledger.hr.stream.max-per-user}")
    private int maxPerUser;

    HrLiveStreamHttpTest() {
        super(ViewVersion.of(PartyView.HR));
    }

    /** Streams of earlier tests were closed by their clients; the heartbeat finds them gone. */
    @BeforeEach
    void noStreamOpen() {
        await().atMost(Duration.ofSeconds(10)).until(() -> feed.openStreams() == 0);
    }

    @Test
    void clientsThatDoNotReadOweOnlyABoundedNumberOfIdsAreCutOffAndAReconnectIsComplete() throws Exception {
        long cutOffBefore = feed.streamsCutOff();
        List<Socket> unread = List.of(openWithoutReading(), openWithoutReading());
        await().atMost(Duration.ofSeconds(10)).until(() -> feed.openStreams() == unread.size());

        AtomicInteger mostOwed = new AtomicInteger();
        AtomicBoolean producing = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (producing.get()) {
                feed.pendingChanges().forEach(owed -> mostOwed.accumulateAndGet(owed, Math::max));
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        List<String> changed = new ArrayList<>();
        int engagements = 4 * maxPending;
        for (int i = 0; i < engagements; i++) {
            String engagementId = newEngagementId("bulk");
            append(engagementId, largeHrUpdate(engagementId, "hr-hana", "x".repeat(LARGE_UPDATE_CHARS)));
            changed.add(engagementId);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> feed.streamsCutOff() - cutOffBefore == unread.size());
        producing.set(false);
        sampler.join();
        System.out.printf(
                "HR stream bounds: %d changes of %d chars each to %d streams that do not read; "
                        + "most ids any stream owed: %d (limit %d); streams cut off: %d%n",
                engagements,
                LARGE_UPDATE_CHARS,
                unread.size(),
                mostOwed.get(),
                maxPending,
                feed.streamsCutOff() - cutOffBefore);
        assertThat(mostOwed.get()).isLessThanOrEqualTo(maxPending);

        for (Socket socket : unread) {
            try (socket) {
                // the stream ends once the server got rid of what it was writing (Connection: close)
                socket.getInputStream().transferTo(OutputStream.nullOutputStream());
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> feed.openStreams() == 0);

        try (SseStream reconnected = SseStream.open(port, STREAM, "hr-hana")) {
            Set<String> seen = new HashSet<>();
            reconnected.awaitData(data -> {
                JsonNode row = json(data);
                if (row.path("version").asLong() == 1 && row.path("updates").size() == 1) {
                    seen.add(row.path("engagementId").asText());
                }
                return seen.containsAll(changed);
            });
        }
    }

    @Test
    void aStreamNeverShowsSessionDataOrAnotherHrPersonsUpdates() throws Exception {
        String othersUpdate = "FOR-OTHER-HR-" + newEngagementId("marker");
        try (SseStream live = SseStream.open(port, STREAM, "hr-hana")) {
            EngagementStory story = tell(EngagementStory.of(newEngagementId("stream-private")));
            UpdateShared toOtherHr = new UpdateShared(
                    story.engagementId(),
                    "update-other-hr",
                    Audience.HR,
                    Scope.ATTENDANCE,
                    othersUpdate,
                    "hr-other",
                    EngagementStory.CLIENT.id(),
                    Instant.now(),
                    EngagementStory.HR_CONSENT,
                    "programme tracking",
                    story.steps().get(6).eventId(),
                    6);
            Step sharedWithOtherHr = Step.of(EngagementStory.CLIENT, toOtherHr);
            append(story.engagementId(), List.of(sharedWithOtherHr));
            // one more event HR shows: the HR view's version moves, though only hr-other reads its content
            long version = versionOf(story.then(sharedWithOtherHr));

            String changedRow = live.awaitData(data -> data.contains(story.engagementId())
                    && json(data).path("version").asLong() == version);
            assertOnlyHanasShare(changedRow, story);
            assertThat(changedRow).doesNotContain(othersUpdate);

            try (SseStream fresh = SseStream.open(port, STREAM, "hr-hana")) {
                String firstAnswerRow = fresh.awaitData(data -> data.contains(story.engagementId()));
                assertThat(json(firstAnswerRow).path("version").asLong()).isEqualTo(version);
                assertOnlyHanasShare(firstAnswerRow, story);
                assertThat(firstAnswerRow).doesNotContain(othersUpdate);
            }
        }
    }

    /**
     * The SSE id carries HR's version, and what HR does not see sends nothing: after a session, an
     * update for the boss and a refusal, the next event of the engagement is the next score, at the
     * next version. The stream opens once HR has applied the whole story: a stream open while the
     * story's batches commit may send the same row twice (it reads rows when it sends them), which
     * would blur what the hidden events sent.
     */
    @Test
    void eventsHrDoesNotSeeSendNothingAndTheIdCarriesTheHrVersion() throws Exception {
        EngagementStory story = tell(EngagementStory.of(newEngagementId("stream-unseen")));
        String id = story.engagementId();
        long version = versionOf(story);
        long storyHead = eventStore.createHeadToken().position().orElseThrow();
        awaitJson("/api/v1/admin/projections", "admin-ada", all -> hrHasProcessed(all, storyHead));
        try (SseStream live = SseStream.open(port, STREAM, "hr-hana")) {
            live.awaitEvent(event -> (id + "@" + version).equals(event.id()));

            append(
                    id,
                    List.of(
                            Step.of(
                                    EngagementStory.COACH,
                                    new SessionLogged(
                                            id, "session-2", "coach-cole", LocalDate.of(2026, 11, 9), 45, "unseen")),
                            Step.of(
                                    EngagementStory.COACH,
                                    new UpdateShared(
                                            id,
                                            "update-boss-2",
                                            Audience.BOSS,
                                            Scope.PROGRESS,
                                            "unseen",
                                            "boss-ben",
                                            "coach-cole",
                                            Instant.now(),
                                            EngagementStory.BOSS_CONSENT,
                                            "budget decisions",
                                            story.bossConsentGrant().eventId(),
                                            5)),
                            Step.of(
                                    EngagementStory.COACH,
                                    new DisclosureRefused(
                                            id,
                                            "update-3",
                                            Audience.HR,
                                            Scope.GOALS,
                                            "coach-cole",
                                            RefusalReason.NO_CONSENT))));
            long head = eventStore.createHeadToken().position().orElseThrow();
            awaitJson("/api/v1/admin/projections", "admin-ada", all -> hrHasProcessed(all, head));
            // score 1: score 2 is HrViewHttpTest's, whose dashboard cell counts every engagement of the database
            append(id, List.of(EngagementStory.rating(id, 1)));

            SseStream.Event next = live.awaitEvent(event -> event.data().contains(id));
            assertThat(next.id()).isEqualTo(id + "@" + (version + 1));
            assertThat(json(next.data()).path("satisfactionScore").asInt()).isEqualTo(1);
        }
    }

    private static boolean hrHasProcessed(JsonNode projections, long globalIndex) {
        for (JsonNode projection : projections) {
            if (projection.path("name").asText().equals(HrProjection.NAME)) {
                return projection.path("position").asLong(-1) >= globalIndex;
            }
        }
        return false;
    }

    @Test
    void aUserMayOpenOnlyAFewStreamsAtATime() throws Exception {
        List<SseStream> open = new ArrayList<>();
        try {
            for (int i = 0; i < maxPerUser; i++) {
                open.add(SseStream.open(port, STREAM, "hr-hana"));
                assertThat(open.get(i).status()).isEqualTo(200);
            }

            LedgerHttp.Response refused = http.get(STREAM, "hr-hana", Map.of("Accept", "text/event-stream"));

            assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            assertThat(refused.json().path("detail").asText()).contains("at most " + maxPerUser);
        } finally {
            open.forEach(SseStream::close);
        }
        // a client that left without a word frees its slot by the next heartbeat
        try (SseStream again =
                await().atMost(Duration.ofSeconds(10)).until(() -> openUnlessRefused(), stream -> stream != null)) {
            assertThat(again.status()).isEqualTo(200);
        }
    }

    private SseStream openUnlessRefused() throws Exception {
        SseStream stream = SseStream.open(port, STREAM, "hr-hana");
        if (stream.status() == 200) {
            return stream;
        }
        stream.close();
        return null;
    }

    private static void assertOnlyHanasShare(String row, EngagementStory story) {
        JsonNode updates = json(row).path("updates");
        assertThat(updates).hasSize(1);
        assertThat(updates.get(0).path("recipientId").asText()).isEqualTo("hr-hana");
        assertThat(row)
                .contains(story.secrets().hrContent())
                .doesNotContain(story.secrets().sessionNotes())
                .doesNotContain(story.secrets().bossContent())
                .doesNotContain(story.secrets().satisfactionComment());
    }

    private static List<Step> largeHrUpdate(String engagementId, String recipient, String content) {
        return List.of(
                Step.of(
                        EngagementStory.HR,
                        new EngagementOpened(
                                engagementId,
                                EngagementStory.CLIENT.id(),
                                EngagementStory.BOSS.id(),
                                EngagementStory.HR.id(),
                                Purpose.DEVELOPMENTAL,
                                Urgency.LOW)),
                Step.of(
                        EngagementStory.CLIENT,
                        new UpdateShared(
                                engagementId,
                                "update-large",
                                Audience.HR,
                                Scope.ATTENDANCE,
                                content,
                                recipient,
                                EngagementStory.CLIENT.id(),
                                Instant.now(),
                                EngagementStory.HR_CONSENT,
                                "programme tracking",
                                "grant-" + engagementId,
                                0)));
    }

    /**
     * A stream whose client reads the status line and nothing after: the server's writes block once
     * the socket buffers are full. A small receive buffer keeps the TCP window small.
     */
    private Socket openWithoutReading() throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        String credentials =
                Base64.getEncoder().encodeToString(("hr-hana:" + LedgerHttp.PASSWORD).getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream()
                .write(("GET " + STREAM + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                + "Accept: text/event-stream\r\nAuthorization: Basic " + credentials + "\r\n"
                                + "Connection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        assertThat(statusLine(socket.getInputStream())).startsWith("HTTP/1.1 200");
        return socket;
    }

    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            line.append((char) b);
        }
        return line.toString().strip();
    }

    private static JsonNode json(String data) {
        try {
            return new ObjectMapper().readTree(data);
        } catch (IOException e) {
            throw new IllegalStateException(data, e);
        }
    }
}
