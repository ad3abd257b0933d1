package coaching.ledger.query.export;

import coaching.ledger.kernel.Confidential;
import coaching.ledger.kernel.sessions.SessionLogged;
import coaching.ledger.platform.sealing.Sealer;
import coaching.ledger.platform.testing.InMemoryClientDataKeys;
import coaching.ledger.query.testing.EngagementStory;
import coaching.ledger.query.testing.Step;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The export's allow-list: complete, in step with the events and their confidential text, closed to the unknown. */
class ExportedFieldsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyEventOfTheKernelHasARowAtItsCurrentRevision() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Revision.class));
        Set<String> events = scanner.findCandidateComponents("coaching.ledger.kernel").stream()
                .map(candidate -> candidate.getBeanClassName())
                .collect(Collectors.toSet());
        assertThat(ExportedFields.TABLE.values())
                .extracting(row -> row.type().getName())
                .containsExactlyInAnyOrderElementsOf(events);
        for (ExportedFields.Row row : ExportedFields.TABLE.values()) {
            assertThat(row.revision())
                    .as(row.type().getSimpleName())
                    .isEqualTo(row.type().getAnnotation(Revision.class).value());
        }
    }

    /** A field added to an event is redacted until someone adds it to the table; free text never is exported. */
    @Test
    void eachRowExportsExactlyTheFieldsThatAreNotConfidential() {
        for (ExportedFields.Row row : ExportedFields.TABLE.values()) {
            RecordComponent[] components = row.type().getRecordComponents();
            Set<String> confidential = Arrays.stream(components)
                    .filter(c -> c.isAnnotationPresent(Confidential.class))
                    .map(RecordComponent::getName)
                    .collect(Collectors.toSet());
            Set<String> other = Arrays.stream(components)
                    .map(RecordComponent::getName)
                    .filter(name -> !confidential.contains(name))
                    .collect(Collectors.toSet());
            assertThat(row.exported()).as(row.type().getSimpleName()).containsExactlyInAnyOrderElementsOf(other);
        }
    }

    @Test
    void confidentialTextIsNullAndNamedWhetherItWasWrittenOrNot() throws Exception {
        ObjectNode payload = payload("""
                {"engagementId":"e-1","sessionId":"s-1","coachId":"coach-cole","heldOn":"2026-11-20","durationMinutes":60,"notes":"CANARY"}""");
        ObjectNode metadata = payload("""
                {"actorId":"coach-cole","actorRole":"COACH","correlationId":"k-1"}""");
        assertThat(ExportedFields.redact(SessionLogged.class.getName(), "1", payload, metadata))
                .containsExactly("payload.notes");
        assertThat(payload.toString()).doesNotContain("CANARY").contains("\"notes\":null", "\"sessionId\":\"s-1\"");
        assertThat(metadata.get("actorId").asText()).isEqualTo("coach-cole");

        ObjectNode empty = payload("""
                {"engagementId":"e-1","sessionId":"s-2","coachId":"coach-cole","heldOn":"2026-11-20","durationMinutes":60,"notes":null}""");
        assertThat(ExportedFields.redact(SessionLogged.class.getName(), "1", empty, JSON.createObjectNode()))
                .containsExactly("payload.notes");
    }

    /** Issue 14: an envelope is confidential text too: null in the export, and named among the redacted fields. */
    @Test
    void noEnvelopeOfASealedEventIsExported() {
        ObjectMapper recorded = new ObjectMapper().findAndRegisterModules();
        EngagementStory plain = EngagementStory.of("e-sealed").revokedAndClosed();
        List<Object> sealed = plain.sealedBy(InMemoryClientDataKeys.sealer()).steps().stream()
                .map(Step::event)
                .toList();
        List<String> redacted = new ArrayList<>();
        StringBuilder exported = new StringBuilder();
        for (Object event : sealed) {
            ObjectNode payload = recorded.valueToTree(event);
            String revision = event.getClass().getAnnotation(Revision.class).value();
            redacted.addAll(
                    ExportedFields.redact(event.getClass().getName(), revision, payload, JSON.createObjectNode()));
            exported.append(payload).append('\n');
        }

        assertThat(recorded.valueToTree(sealed).toString()).contains(Sealer.PREFIX);
        assertThat(exported.toString()).doesNotContain(Sealer.PREFIX).doesNotContain(plain.confidentialTexts());
        assertThat(redacted)
                .containsExactlyInAnyOrder(
                        "payload.notes",
                        "payload.message",
                        "payload.message",
                        "payload.content",
                        "payload.content",
                        "payload.comment",
                        "payload.reason",
                        "payload.reason");
    }

    @Test
    void anEventTypeOrRevisionWithoutARowExportsNoPayloadValueAndUnknownMetadataNeither() throws Exception {
        for (String[] unknown : new String[][] {
            {"coaching.ledger.kernel.sessions.SessionAmended", "1"},
            {SessionLogged.class.getName(), "2"},
            {SessionLogged.class.getName(), null}
        }) {
            ObjectNode payload = payload("""
                    {"engagementId":"e-1","sessionId":"s-1","text":"CANARY"}""");
            ObjectNode metadata = payload("""
                    {"actorId":"coach-cole","traceId":"CANARY"}""");
            assertThat(ExportedFields.redact(unknown[0], unknown[1], payload, metadata))
                    .as(unknown[0] + "@" + unknown[1])
                    .containsExactly("payload.engagementId", "payload.sessionId", "payload.text", "metadata.traceId");
            assertThat(payload.properties())
                    .allSatisfy(field -> assertThat(field.getValue().isNull()).isTrue());
            assertThat(metadata.toString()).doesNotContain("CANARY").contains("coach-cole");
        }
    }

    /** Issue 14: a line of an erased client's engagement names its confidential fields erased; an unknown event none. */
    @Test
    void theConfidentialFieldsOfAnEventAreItsRedactedPayloadFields() throws Exception {
        ObjectNode payload = payload("""
                {"engagementId":"e-1","sessionId":"s-1","notes":"sealed:v1:x"}""");
        ObjectNode metadata = payload("""
                {"actorId":"coach-cole","traceId":"x"}""");
        List<String> redacted = ExportedFields.redact(SessionLogged.class.getName(), "1", payload, metadata);

        assertThat(ExportedFields.confidential(SessionLogged.class.getName(), "1", redacted))
                .containsExactly("payload.notes");
        assertThat(ExportedFields.confidential("coaching.ledger.kernel.sessions.SessionAmended", "1", redacted))
                .isEmpty();
    }

    private static ObjectNode payload(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }
}
