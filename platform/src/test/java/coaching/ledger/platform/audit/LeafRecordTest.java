package coaching.ledger.platform.audit;

import coaching.ledger.platform.audit.tlog.Merkle;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class LeafRecordTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final String SHARED_PAYLOAD = """
            {"engagementId":"eng-42","updateId":"u-1","audience":"HR","scope":"GOALS",
             "content":"the client said something private","recipientId":"hr-7","sharedBy":"coach-3",
             "sharedAt":"2026-12-05T08:00:00.123Z","consentId":"c-1","purpose":"development plan",
             "consentGrantEventId":"grant-a","consentGrantSequence":3}""";

    private static final StoredEvent SHARED =
            event(12, "0c0d-shared", "eng-42", 7, "coaching.ledger.kernel.disclosure.UpdateShared", SHARED_PAYLOAD);

    static StoredEvent event(
            long globalIndex, String eventId, String stream, long sequence, String type, String payload) {
        return new StoredEvent(
                globalIndex,
                eventId,
                stream,
                sequence,
                "Engagement",
                "2026-12-05T08:00:00.123Z",
                type,
                "1",
                payload.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aDisclosureRecordIsStableAndHoldsItsFactsButNeverItsContent() {
        String record = new String(LeafRecord.of(SHARED, JSON), StandardCharsets.US_ASCII);

        assertThat(record).isEqualTo("""
                coaching-ledger/leaf@v1
                globalIndex 12
                eventId 0c0d-shared
                stream eng-42
                sequence 7
                payloadType coaching.ledger.kernel.disclosure.UpdateShared
                payloadRevision 1
                timeStamp 2026-12-05T08:00:00.123Z
                payloadSha256 %s
                metaDataSha256 44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a
                engagementId eng-42
                updateId u-1
                audience HR
                scope GOALS
                recipientId hr-7
                sharedBy coach-3
                sharedAt 2026-12-05T08:00:00.123Z
                consentId c-1
                consentGrantEventId grant-a
                consentGrantSequence 3
                """.formatted(sha256Hex(SHARED_PAYLOAD)));
        assertThat(record).doesNotContain("content", "private", "purpose", "development");
        assertThat(LeafRecord.of(SHARED, JSON)).isEqualTo(LeafRecord.of(SHARED, JSON));
    }

    @Test
    void aConsentRecordListsItsScopesSorted() {
        StoredEvent granted =
                event(5, "grant-a", "eng-42", 3, "coaching.ledger.kernel.consent.UpdateConsentGranted", """
                {"engagementId":"eng-42","consentId":"c-1","clientId":"client-9","audience":"HR",
                 "scopes":["PROGRESS","GOALS","ATTENDANCE"],"validUntil":null,"purpose":"plan","noticeVersion":"2"}""");

        Map<String, String> record = LeafRecord.parse(LeafRecord.of(granted, JSON));

        assertThat(record)
                .containsEntry("scopes", "ATTENDANCE,GOALS,PROGRESS")
                .containsEntry("clientId", "client-9")
                .doesNotContainKeys("validUntil", "purpose", "noticeVersion");
        assertThat(record.keySet()).endsWith("engagementId", "consentId", "clientId", "audience", "scopes");
    }

    @Test
    void otherEventsCarryOnlyTheirStoredColumns() {
        StoredEvent session = event(3, "s-1", "eng-42", 1, "coaching.ledger.kernel.sessions.SessionLogged", """
                {"engagementId":"eng-42","notes":"private notes"}""");

        Map<String, String> record = LeafRecord.parse(LeafRecord.of(session, JSON));

        assertThat(record).hasSize(9).containsEntry("payloadType", "coaching.ledger.kernel.sessions.SessionLogged");
    }

    @Test
    void valuesArePercentEncodedAndParseBack() {
        StoredEvent odd = new StoredEvent(
                1,
                "id with space",
                "Zoë 100%",
                0,
                null,
                null,
                "coaching.ledger.kernel.consent.UpdateConsentRevoked",
                "-",
                "{\"engagementId\":\"line\\nbreak\",\"consentId\":\"\"}".getBytes(StandardCharsets.UTF_8),
                null);

        byte[] bytes = LeafRecord.of(odd, JSON);
        String record = new String(bytes, StandardCharsets.US_ASCII);

        assertThat(record)
                .contains("\neventId id%20with%20space\n", "\nstream Zo%C3%AB%20100%25\n")
                .contains("\npayloadRevision %2D\n", "\ntimeStamp -\n", "\nmetaDataSha256 -\n")
                .contains("\nengagementId line%0Abreak\n", "\nconsentId \n");
        assertThat(LeafRecord.parse(bytes))
                .contains(
                        entry("eventId", "id with space"),
                        entry("stream", "Zoë 100%"),
                        entry("payloadRevision", "-"),
                        entry("timeStamp", "-"),
                        entry("engagementId", "line\nbreak"),
                        entry("consentId", ""));
    }

    @Test
    void anUnreadablePayloadIsSaidSo() {
        StoredEvent broken = event(2, "e", "eng-42", 0, "coaching.ledger.kernel.disclosure.UpdateShared", "{not json");
        StoredEvent notAnObject =
                event(2, "e", "eng-42", 0, "coaching.ledger.kernel.disclosure.UpdateShared", "\"text\"");

        assertThat(LeafRecord.parse(LeafRecord.of(broken, JSON)))
                .containsEntry("payload", "unreadable")
                .hasSize(10);
        assertThat(LeafRecord.parse(LeafRecord.of(notAnObject, JSON))).containsEntry("payload", "unreadable");
    }

    @Test
    void rejectsWhatIsNotALeafRecord() {
        String valid = new String(LeafRecord.of(SHARED, JSON), StandardCharsets.US_ASCII);
        for (String record : new String[] {
            "",
            valid.substring(0, valid.length() - 1),
            valid.replace("coaching-ledger/leaf@v1", "coaching-ledger/leaf@v2"),
            valid.replace("stream eng-42\n", ""),
            valid.replace("stream eng-42\nsequence 7\n", "sequence 7\nstream eng-42\n"),
            valid + "scope GOALS\n",
            valid + "\n",
            valid + "noValue\n",
            valid + "bad-name x\n",
            valid.replace("hr-7", "hr%2D7"),
            valid.replace("hr-7", "hr%7"),
            valid.replace("hr-7", "hr%c3%ab"),
            valid.replace("hr-7", "hr%FF"),
            valid.replace("hr-7", "hr\t7"),
            valid.replace("hr-7", "hrë"),
        }) {
            assertThatThrownBy(() -> LeafRecord.parse(record.getBytes(StandardCharsets.UTF_8)))
                    .as(record)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> LeafRecord.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String sha256Hex(String text) {
        return HexFormat.of().formatHex(Merkle.sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
