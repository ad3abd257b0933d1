package coaching.ledger.query.hr;

import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one stream sends and when it ends, with the view's rows in a map and the sender's tasks run
 * by the test one at a time, so every interleaving of a change with a page read is chosen here.
 */
class HrLiveStreamTest {

    private static final int PAGE_SIZE = 2;
    private static final int MAX_PENDING = 3;

    private final TreeMap<String, Long> rows = new TreeMap<>();
    private final Queue<Runnable> senderTasks = new ArrayDeque<>();
    private final RecordingEmitter client = new RecordingEmitter();
    private final AtomicInteger cutOff = new AtomicInteger();
    /** Runs inside the next page read, as a batch that commits while the page is read. */
    private Runnable duringNextPageRead = () -> {};

    private final HrLiveStream stream = new HrLiveStream(
            "hr-hana", client, new MapView(), senderTasks::add, PAGE_SIZE, MAX_PENDING, cutOff::incrementAndGet);

    @Test
    void aChangeThatAPageReadLaterShowsIsNotSentTwice() {
        rows.put("a", 1L);
        rows.put("b", 1L);
        rows.put("c", 1L);
        stream.start();
        rows.put("c", 2L);
        stream.changed(List.of("c"));

        runSender();

        assertThat(client.sent).containsExactly("a@1", "b@1", "c@2");
    }

    @Test
    void aChangeCommittedWhileAPageIsReadIsSentAfterIt() {
        rows.put("a", 1L);
        rows.put("b", 1L);
        stream.start();
        // the page may or may not show it (here it does not): the stream cannot tell, so it sends the row again
        duringNextPageRead = () -> {
            rows.put("a", 2L);
            stream.changed(List.of("a"));
        };

        runSender();

        assertThat(client.sent).containsExactly("a@1", "b@1", "a@2");
    }

    @Test
    void anEngagementThatChangesOftenIsOwedOnce() {
        stream.start();
        runSender();
        rows.put("a", 1L);
        for (long version = 1; version <= 10; version++) {
            rows.put("a", version);
            stream.changed(List.of("a"));
        }

        assertThat(stream.pendingChanges()).isEqualTo(1);
        runSender();
        assertThat(client.sent).containsExactly("a@10");
    }

    @Test
    void aClientOwingMoreThanTheLimitIsCutOffAndItsStreamCompleted() {
        stream.start();
        runSender();
        for (String id : List.of("a", "b", "c")) {
            rows.put(id, 1L);
            stream.changed(List.of(id));
        }
        assertThat(stream.pendingChanges()).isEqualTo(MAX_PENDING);
        assertThat(cutOff).hasValue(0);

        rows.put("d", 1L);
        stream.changed(List.of("d"));

        assertThat(stream.pendingChanges()).isZero();
        assertThat(cutOff).hasValue(1);
        runSender();
        assertThat(client.completed).isTrue();
        assertThat(client.sent).isEmpty();
        stream.changed(List.of("a"));
        assertThat(stream.pendingChanges()).isZero();
    }

    private void runSender() {
        for (Runnable task; (task = senderTasks.poll()) != null; ) {
            task.run();
        }
    }

    /** The HR view's reads over {@link #rows} (id -> version). */
    private final class MapView extends HrView {

        MapView() {
            super(null, null, null);
        }

        @Override
        public List<HrEngagement> pageVisibleTo(String hrUserId, String afterEngagementId, int size) {
            Runnable commit = duringNextPageRead;
            duringNextPageRead = () -> {};
            List<HrEngagement> page = rows.tailMap(afterEngagementId, false).keySet().stream()
                    .limit(size)
                    .map(this::row)
                    .collect(Collectors.toCollection(ArrayList::new));
            commit.run();
            return page;
        }

        @Override
        public List<HrEngagement> visibleTo(String hrUserId, Collection<String> engagementIds) {
            return engagementIds.stream()
                    .filter(rows::containsKey)
                    .map(this::row)
                    .toList();
        }

        private HrEngagement row(String engagementId) {
            return new HrEngagement(
                    engagementId,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    List.of(),
                    rows.get(engagementId));
        }
    }

    /** Records the {@code id:} of each event sent, and whether the stream was completed. */
    private static final class RecordingEmitter extends SseEmitter {

        final List<String> sent = new ArrayList<>();
        boolean completed;

        @Override
        public void send(SseEventBuilder event) {
            event.build().stream()
                    .map(data -> String.valueOf(data.getData()))
                    .flatMap(String::lines)
                    .filter(line -> line.startsWith("id:"))
                    .map(line -> line.substring(3))
                    .forEach(sent::add);
        }

        @Override
        public void complete() {
            completed = true;
        }
    }
}
