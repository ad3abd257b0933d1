package coaching.ledger.command.engagement;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.Objects;
import java.util.Optional;

/**
 * The engagement cache of every command process, ledger-app and each command-service instance alike: a cached
 * engagement is used only while the event store holds no later event of it, checked when the repository asks for
 * it (under the engagement's lock, in the command's transaction) with one indexed query for the stream's last
 * sequence number. An entry another instance has overtaken first gets the events it missed, read from the store,
 * or is dropped and loaded anew, so no command is judged on stale state. What is left, an append racing this check, loses on the store's unique
 * (aggregateIdentifier, sequenceNumber) key and is retried by the command gateway; its rollback evicts the entry.
 *
 * <p>Loading an engagement from the store parses its snapshot and the events after it with Jackson, which was most
 * of a command's CPU in command-service (bench/README.md, "Against a CRUD service"); the check costs one row.
 */
public final class StoreCheckedCache implements Cache {

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> entries;
    private final EventStore eventStore;

    /**
     * At most {@code maximumEngagements} engagements, the least recently used leaving first. Strong references: a
     * cache of weak ones (Axon's {@code WeakReferenceCache}) lost its entries at every young collection, and under
     * load a fifth of a command's CPU went into loading engagements it had just cached.
     */
    public StoreCheckedCache(EventStore eventStore, long maximumEngagements) {
        this.entries = Caffeine.newBuilder().maximumSize(maximumEngagements).build();
        this.eventStore = eventStore;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value = entries.getIfPresent(key);
        if (value instanceof AggregateCacheEntry<?> entry && !caughtUp(key.toString(), entry)) {
            entries.invalidate(key);
            return null;
        }
        return (V) value;
    }

    /**
     * Whether the cached engagement is (now) as the store holds it: events another instance appended since are
     * applied to it, as loading would apply the events after a snapshot, so an engagement two instances take turns
     * on costs the events in between, not its whole history.
     */
    private boolean caughtUp(String engagementId, AggregateCacheEntry<?> entry) {
        EventSourcedAggregate<?> aggregate = cachedAggregate(entry);
        Optional<Long> stored = eventStore.lastSequenceNumberFor(engagementId);
        if (aggregate == null || aggregate.version() == null || stored.isEmpty()) {
            return false;
        }
        long cached = aggregate.version();
        if (stored.get() == cached) {
            return true;
        }
        if (stored.get() < cached) {
            return false;
        }
        try {
            DomainEventStream since = eventStore.readEvents(engagementId, cached + 1);
            aggregate.initializeState(since);
        } catch (RuntimeException unreadable) {
            return false; // dropped: the engagement is loaded from the store, where the failure is reported
        }
        return Objects.equals(aggregate.version(), stored.get());
    }

    /**
     * An in-memory entry holds the aggregate it was made of and hands it back without looking at its arguments;
     * an entry without one (never the case for an in-memory cache) has no version to check and counts as stale.
     */
    private static EventSourcedAggregate<?> cachedAggregate(AggregateCacheEntry<?> entry) {
        try {
            return entry.recreateAggregate(null, null, null, null);
        } catch (RuntimeException noAggregateHeld) {
            return null;
        }
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.asMap().putIfAbsent(key, value) == null;
    }

    @Override
    public boolean remove(Object key) {
        return entries.asMap().remove(key) != null;
    }

    @Override
    public void removeAll() {
        entries.invalidateAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.asMap().containsKey(key);
    }

    /** Axon's repositories never listen to their cache; nothing else uses this one. */
    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("the engagement cache has no entry listeners");
    }
}
