package coaching.ledger.query.engagement;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import coaching.ledger.kernel.sealing.SealedField;
import coaching.ledger.kernel.sessions.SessionLogged;
import coaching.ledger.platform.sealing.Sealer;
import coaching.ledger.query.client.ClientEngagement;
import coaching.ledger.query.client.ClientProjection;
import coaching.ledger.query.client.ClientView;
import coaching.ledger.query.client.Disclosure;
import coaching.ledger.query.testing.EngagementStory;
import coaching.ledger.query.testing.ProjectionHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** An envelope that does not open where a view finds it shows as null, and the log names only its place. */
class ConfidentialTextsTest {

    private final ProjectionHarness harness = new ProjectionHarness();
    private final ClientView view = new ClientView(harness.jdbc(), harness.texts());
    private final Logger logger = (Logger) LoggerFactory.getLogger(ConfidentialTexts.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    ConfidentialTextsTest() {
        harness.project(ClientProjection::new);
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopCapturing() {
        logger.detachAppender(logged);
    }

    @Test
    void anEnvelopeMovedOrAlteredShowsAsNullAndIsLoggedByItsPlaceOnly() {
        EngagementStory plain = EngagementStory.of("eng-unreadable");
        harness.tell(plain.sealedBy(harness.sealer()));
        String forTheBoss = stored("SELECT content FROM client_disclosure WHERE update_id = 'update-boss'");
        String forHr = stored("SELECT content FROM client_disclosure WHERE update_id = 'update-hr'");
        harness.jdbc()
                .sql("UPDATE client_session SET notes = ? WHERE session_id = 'session-1'")
                .param(forTheBoss)
                .update();
        String altered = forHr.substring(0, forHr.length() - 2) + (forHr.endsWith("AA") ? "BB" : "AA");
        harness.jdbc()
                .sql("UPDATE client_disclosure SET content = ? WHERE update_id = 'update-hr'")
                .param(altered)
                .update();

        ClientEngagement engagement =
                view.engagementOf("client-cara", plain.engagementId()).orElseThrow();

        assertThat(engagement.sessions().get(0).notes())
                .as("moved from an update")
                .isNull();
        assertThat(engagement.disclosures())
                .extracting(Disclosure::content)
                .containsExactly("Progress: " + plain.secrets().bossContent(), null);
        assertThat(engagement.satisfaction().comment())
                .isEqualTo(plain.secrets().satisfactionComment());
        assertThat(logged.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly(
                        "SessionLogged.notes of session-1 in engagement eng-unreadable does not open"
                                + " (altered, or moved from another place): shown as null",
                        "UpdateShared.content of update-hr in engagement eng-unreadable does not open"
                                + " (altered, or moved from another place): shown as null")
                .allSatisfy(message ->
                        assertThat(message).doesNotContain(Sealer.PREFIX).doesNotContain(plain.confidentialTexts()));
        assertThat(logged.list)
                .allSatisfy(event -> assertThat(event.getThrowableProxy()).isNull());
    }

    @Test
    void plaintextStoredBeforeSealingReadsAsItIs() {
        EngagementStory plain = EngagementStory.of("eng-legacy");
        harness.tell(plain);

        assertThat(view.engagementOf("client-cara", plain.engagementId())
                        .orElseThrow()
                        .sessions()
                        .get(0)
                        .notes())
                .isEqualTo("Talked about " + plain.secrets().sessionNotes());
        assertThat(logged.list).isEmpty();
    }

    /** Issue 14: an erased text is null and erased, and not a fault to log; a text never written is neither. */
    @Test
    void anErasedTextOpensAsErasedAndIsNotLogged() {
        EngagementStory plain = EngagementStory.of("eng-erased-text");
        harness.tell(plain.sealedBy(harness.sealer()));
        String notes = stored("SELECT notes FROM client_session WHERE session_id = 'session-1'");
        SealedField field = SessionLogged.notesField("client-cara", plain.engagementId(), "session-1");
        harness.eraseKeyOf("client-cara");

        assertThat(harness.texts().open(field, notes)).isEqualTo(new ConfidentialTexts.Opened(null, true));
        assertThat(harness.texts().open(field, Sealer.ERASED)).isEqualTo(new ConfidentialTexts.Opened(null, true));
        assertThat(harness.texts().open(field, null)).isEqualTo(new ConfidentialTexts.Opened(null, false));
        assertThat(logged.list).isEmpty();
    }

    private String stored(String sql) {
        return harness.jdbc().sql(sql).query(String.class).single();
    }
}
