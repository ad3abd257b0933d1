package coaching.ledger.query.export;

import coaching.ledger.platform.audit.ConditionalOnAudit;
import coaching.ledger.platform.audit.StoredEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes the event history as NDJSON for integrators: ascending global index, each event upcast to
 * its current revision, showing only the fields {@link ExportedFields} allows. It reads only sealed
 * events (see EventChainSealer), so a position once passed is final: resuming after it never misses an event
 * that was still committing, and an event the sealer gave up is never exported.
 *
 * <p>It reads in short keyset pages ({@code globalIndex > last ORDER BY globalIndex LIMIT n}), each
 * on a connection borrowed for that one query and returned before the page is written: a client that
 * reads slowly holds a request thread, never a pooled database connection. Memory: one page.
 *
 * <p>A line of an engagement whose client's data was erased names its confidential fields under
 * {@code erased} (they are null in every line anyway, and redacted).
 */
@Component
@ConditionalOnAudit
public class EventExport {

    /** Events a page; a page is in memory while it is written (events are a few KB, at most 256 KB). */
    static final int PAGE_SIZE = 200;

    private final JdbcTemplate jdbc;
    private final Configuration axon;
    private final ObjectMapper json;

    public EventExport(JdbcTemplate jdbc, Configuration axon, @Qualifier("defaultAxonObjectMapper") ObjectMapper json) {
        this.jdbc = jdbc;
        this.axon = axon;
        this.json = json;
    }

    /** Writes up to {@code limit} events after global index {@code after}; answers how many. */
    public long write(long after, int limit, OutputStream out) {
        EventUpcaster upcasters = axon.upcasterChain();
        Serializer serializer = axon.eventSerializer();
        long written = 0;
        long position = after;
        while (written < limit) {
            int size = (int) Math.min(PAGE_SIZE, limit - written);
            List<PagedEvent> page = jdbc.query(
                    "SELECT " + StoredEvent.COLUMNS + ", CASE WHEN EXISTS (SELECT 1 FROM erased_engagement x"
                            + " WHERE x.engagement_id = e.aggregateIdentifier) THEN TRUE ELSE FALSE END AS erased"
                            + " FROM DomainEventEntry e"
                            + " WHERE globalIndex > ? AND EXISTS (SELECT 1 FROM event_chain c WHERE c.globalIndex = e.globalIndex)"
                            + " ORDER BY globalIndex LIMIT " + size,
                    (row, n) -> new PagedEvent(StoredEvent.read(row), row.getBoolean("erased")),
                    position);
            for (PagedEvent paged : page) {
                upcast(paged.event(), upcasters, serializer)
                        .forEach(current -> writeLine(paged.event(), current, paged.ofErasedClient(), out));
            }
            written += page.size();
            if (page.size() < size) {
                break;
            }
            position = page.get(page.size() - 1).event().globalIndex();
        }
        return written;
    }

    /**
     * A stored event, and whether its engagement's client's data was erased: read in the page's one
     * query from the engagements the compliance view recorded as erased, never from the event store.
     */
    private record PagedEvent(StoredEvent event, boolean ofErasedClient) {}

    private static Stream<IntermediateEventRepresentation> upcast(
            StoredEvent event, EventUpcaster upcasters, Serializer serializer) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(
                event.type(),
                event.aggregateIdentifier(),
                event.sequenceNumber(),
                event.eventIdentifier(),
                event.timeStamp(),
                event.payloadType(),
                event.payloadRevision(),
                event.payload(),
                event.metaData());
        return upcasters.upcast(Stream.of(new InitialEventRepresentation(entry, serializer)));
    }

    private void writeLine(
            StoredEvent stored, IntermediateEventRepresentation event, boolean ofErasedClient, OutputStream out) {
        String type = event.getType().getName();
        String simpleType = type.substring(type.lastIndexOf('.') + 1);
        ObjectNode payload =
                (ObjectNode) event.getData(JsonNode.class).getData().deepCopy();
        ObjectNode metadata = readMetadata(stored.metaData());
        ArrayNode redacted = json.createArrayNode();
        List<String> redactedNames = ExportedFields.redact(type, event.getType().getRevision(), payload, metadata);
        redactedNames.forEach(redacted::add);
        ArrayNode erased = json.createArrayNode();
        if (ofErasedClient) {
            ExportedFields.confidential(type, event.getType().getRevision(), redactedNames)
                    .forEach(erased::add);
        }
        ObjectNode line = json.createObjectNode();
        line.put("globalIndex", stored.globalIndex());
        line.put("eventId", stored.eventIdentifier());
        line.put("type", simpleType);
        line.put("revision", event.getType().getRevision());
        line.put("aggregateType", stored.type());
        line.put("aggregateId", stored.aggregateIdentifier());
        line.put("sequence", stored.sequenceNumber());
        line.put("timestamp", stored.timeStamp());
        line.set("metadata", metadata);
        line.set("payload", payload);
        line.set("redacted", redacted);
        line.set("erased", erased);
        try {
            json.writeValue(new NonClosing(out), line);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("the client stopped reading the export", e);
        }
    }

    private ObjectNode readMetadata(byte[] bytes) {
        try {
            return bytes == null ? json.createObjectNode() : (ObjectNode) json.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("stored metadata is not JSON", e);
        }
    }

    /** Jackson closes the stream it writes to; the export writes many values to one response. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
