package coaching.ledger.query.projections;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class LiveEventSourceTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .fetchDelay(60_000) // so only a commit's own notification can wake anyone in time
            .build();
    private final LiveEventSource source = new LiveEventSource(store, Duration.ofMillis(20));

    @AfterEach
    void stop() {
        source.destroy();
        store.shutDown();
    }

    @Test
    void theEmbeddedStoresOwnStreamsOfferNoCallback() {
        try (BlockingStream<TrackedEventMessage<?>> plain = store.openStream(null)) {
            assertThat(plain.setOnAvailableCallback(() -> {})).isFalse();
        }
    }

    @Test
    void aWaitingStreamIsCalledBackWhenEventsArrive() throws Exception {
        store.publish(GenericEventMessage.asEventMessage("before"));
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("before");
            CountDownLatch called = new CountDownLatch(1);
            assertThat(stream.setOnAvailableCallback(called::countDown)).isTrue();

            store.publish(GenericEventMessage.asEventMessage("after"));

            assertThat(called.await(30, TimeUnit.SECONDS)).as("called back").isTrue();
            assertThat(stream.hasNextAvailable()).isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("after");
        }
    }

    @Test
    void aClosedStreamIsNoLongerCalled() throws Exception {
        AtomicInteger closedCalls = new AtomicInteger();
        BlockingStream<TrackedEventMessage<?>> closed = source.openStream(null);
        closed.setOnAvailableCallback(closedCalls::incrementAndGet);
        closed.close();
        CountDownLatch open = new CountDownLatch(1);
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            stream.setOnAvailableCallback(open::countDown);

            store.publish(GenericEventMessage.asEventMessage("event"));

            assertThat(open.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(closedCalls).hasValue(0);
        }
    }
}
