package coaching.ledger.command.engagement;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.Objects;
import java.util.Optional;

/**
 * The engagement cache of every command process, ledger-app and each command-service instance alike: a cached
 * engagement is used only while the event store holds no later event of it, checked when the repository asks for
 * it (under the engagement's lock, in the command's transaction) with one indexed query for the stream's last
 * sequence number. An entry another instance has overtaken is dropped and the engagement is loaded from the store,
 * so no command is judged on stale state. What is left, an append racing this check, loses on the store's unique
 * (aggregateIdentifier, sequenceNumber) key and is retried by the command gateway; its rollback evicts the entry.
 *
 * <p>Loading an engagement from the store parses its snapshot and the events after it with Jackson, which was most
 * of a command's CPU in command-service (bench/README.md, "Against a CRUD service"); the check costs one row.
 */
public final class StoreCheckedCache implements Cache {

    private final Cache entries;
    private final EventStore eventStore;

    public StoreCheckedCache(Cache entries, EventStore eventStore) {
        this.entries = entries;
        this.eventStore = eventStore;
    }

    @Override
    public <K, V> V get(K key) {
        V value = entries.get(key);
        if (value instanceof AggregateCacheEntry<?> entry && !current(key.toString(), entry)) {
            entries.remove(key);
            return null;
        }
        return value;
    }

    private boolean current(String engagementId, AggregateCacheEntry<?> entry) {
        Long cached = cachedVersion(entry);
        Optional<Long> stored = eventStore.lastSequenceNumberFor(engagementId);
        return cached != null && stored.isPresent() && Objects.equals(cached, stored.get());
    }

    /**
     * An in-memory entry holds the aggregate it was made of and hands it back without looking at its arguments;
     * an entry without one (never the case for an in-memory cache) has no version to check and counts as stale.
     */
    private static Long cachedVersion(AggregateCacheEntry<?> entry) {
        EventSourcedAggregate<?> aggregate;
        try {
            aggregate = entry.recreateAggregate(null, null, null, null);
        } catch (RuntimeException noAggregateHeld) {
            return null;
        }
        return aggregate == null ? null : aggregate.version();
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value);
    }

    @Override
    public boolean remove(Object key) {
        return entries.remove(key);
    }

    @Override
    public void removeAll() {
        entries.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return entries.registerCacheEntryListener(cacheEntryListener);
    }
}
