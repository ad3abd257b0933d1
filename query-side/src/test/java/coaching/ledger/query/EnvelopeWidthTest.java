package coaching.ledger.query;

import coaching.ledger.kernel.closure.CloseEngagement;
import coaching.ledger.kernel.closure.EngagementClosed;
import coaching.ledger.kernel.closure.Outcome;
import coaching.ledger.kernel.closure.RecordSatisfaction;
import coaching.ledger.kernel.closure.SatisfactionRecorded;
import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.RevokeUpdateConsent;
import coaching.ledger.kernel.consent.Scope;
import coaching.ledger.kernel.consent.UpdateConsentRevoked;
import coaching.ledger.kernel.disclosure.RequestUpdate;
import coaching.ledger.kernel.disclosure.ShareUpdate;
import coaching.ledger.kernel.disclosure.UpdateRequested;
import coaching.ledger.kernel.disclosure.UpdateShared;
import coaching.ledger.kernel.sealing.SealedField;
import coaching.ledger.kernel.sessions.LogSession;
import coaching.ledger.kernel.sessions.SessionLogged;
import coaching.ledger.platform.sealing.Sealer;
import coaching.ledger.platform.testing.InMemoryClientDataKeys;
import coaching.ledger.query.boss.BossProjection;
import coaching.ledger.query.client.ClientProjection;
import coaching.ledger.query.coach.CoachProjection;
import coaching.ledger.query.compliance.ComplianceProjection;
import coaching.ledger.query.engagement.ConfidentialTexts;
import coaching.ledger.query.hr.HrEngagementFeed;
import coaching.ledger.query.hr.HrProjection;
import coaching.ledger.query.hr.HrView;
import coaching.ledger.query.rows.ViewWrites;
import coaching.ledger.query.testing.EngagementStory;
import coaching.ledger.query.testing.Json;
import coaching.ledger.query.testing.ProjectionHarness;
import coaching.ledger.query.testing.Step;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import static coaching.ledger.query.testing.EngagementStory.BOSS;
import static coaching.ledger.query.testing.EngagementStory.BOSS_CONSENT;
import static coaching.ledger.query.testing.EngagementStory.CLIENT;
import static coaching.ledger.query.testing.EngagementStory.COACH;
import static coaching.ledger.query.testing.EngagementStory.HR;
import static coaching.ledger.query.testing.EngagementStory.HR_CONSENT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every view column that receives a confidential field holds the envelope of the longest text the
 * command side accepts (its {@code @Size} limit), written in three-byte UTF-8 characters: an
 * envelope is about 4/3 of the UTF-8 bytes plus its prefix, four times as many characters as the text.
 */
class EnvelopeWidthTest {

    private static final String ID = "eng-widest";
    private static final String CLIENT_ID = CLIENT.id();

    private final Sealer sealer = InMemoryClientDataKeys.sealer();
    private final ConfidentialTexts texts = new ConfidentialTexts(sealer);

    private final String notes = longest(LogSession.class, "notes");
    private final String content = longest(ShareUpdate.class, "content");
    private final String message = longest(RequestUpdate.class, "message");
    private final String revokeReason = longest(RevokeUpdateConsent.class, "reason");
    private final String comment = longest(RecordSatisfaction.class, "comment");
    private final String closeReason = longest(CloseEngagement.class, "reason");

    /** A column, the field whose envelope it holds and the text sealed in it. */
    record Column(String select, SealedField field, String text) {}

    @ParameterizedTest
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void everyConfidentialColumnHoldsTheEnvelopeOfTheLongestText(String database) {
        Supplier<ProjectionHarness> harnesses =
                database.equals("H2") ? ProjectionHarness::new : ProjectionHarness::onPostgres;
        SealedField bossContent = UpdateShared.contentField(CLIENT_ID, ID, "update-widest-boss");
        SealedField hrContent = UpdateShared.contentField(CLIENT_ID, ID, "update-widest-hr");
        SealedField sessionNotes = SessionLogged.notesField(CLIENT_ID, ID, "session-widest");
        SealedField requestMessage = UpdateRequested.messageField(CLIENT_ID, ID, "request-widest");
        SealedField revocation = UpdateConsentRevoked.reasonField(CLIENT_ID, ID, HR_CONSENT);
        Map<Function<ViewWrites, Object>, List<Column>> columns = Map.of(
                ClientProjection::new,
                List.of(
                        new Column(
                                "SELECT notes FROM client_session WHERE session_id = 'session-widest'",
                                sessionNotes,
                                notes),
                        new Column(
                                "SELECT content FROM client_disclosure WHERE update_id = 'update-widest-boss'",
                                bossContent,
                                content),
                        new Column(
                                "SELECT message FROM client_request WHERE request_id = 'request-widest'",
                                requestMessage,
                                message),
                        new Column(
                                "SELECT revoke_reason FROM client_consent WHERE consent_id = '" + HR_CONSENT + "'",
                                revocation,
                                revokeReason),
                        new Column(
                                "SELECT satisfaction_comment FROM client_engagement",
                                SatisfactionRecorded.commentField(CLIENT_ID, ID),
                                comment),
                        new Column(
                                "SELECT close_reason FROM client_engagement",
                                EngagementClosed.reasonField(CLIENT_ID, ID),
                                closeReason)),
                CoachProjection::new,
                List.of(
                        new Column(
                                "SELECT notes FROM coach_session WHERE session_id = 'session-widest'",
                                sessionNotes,
                                notes),
                        new Column(
                                "SELECT message FROM coach_request WHERE request_id = 'request-widest'",
                                requestMessage,
                                message),
                        new Column(
                                "SELECT revoke_reason FROM coach_consent WHERE consent_id = '" + HR_CONSENT + "'",
                                revocation,
                                revokeReason)),
                BossProjection::new,
                List.of(new Column(
                        "SELECT content FROM boss_update WHERE update_id = 'update-widest-boss'",
                        bossContent,
                        content)),
                EnvelopeWidthTest::hrProjection,
                List.of(new Column(
                        "SELECT content FROM hr_update WHERE update_id = 'update-widest-hr'", hrContent, content)),
                ComplianceProjection::new,
                List.of(new Column(
                        "SELECT revoke_reason FROM compliance_consent WHERE consent_id = '" + HR_CONSENT + "'",
                        revocation,
                        revokeReason)));

        columns.forEach((projection, expected) -> {
            ProjectionHarness harness = harnesses.get();
            harness.project(projection);
            EngagementStory story = EngagementStory.of(ID);
            harness.tell(story);
            widest(story).forEach(step -> harness.tell(ID, step.sealed(sealer, CLIENT_ID)));

            for (Column column : expected) {
                String stored =
                        harness.jdbc().sql(column.select()).query(String.class).single();
                assertThat(Sealer.isEnvelope(stored)).as(column.select()).isTrue();
                assertThat(stored.length())
                        .as(column.select())
                        .isGreaterThan(column.text().getBytes(StandardCharsets.UTF_8).length * 4 / 3);
                assertThat(texts.open(column.field(), stored).text())
                        .as(column.select())
                        .isEqualTo(column.text());
            }
        });
    }

    /** Each confidential text at the longest the command side accepts. */
    private List<Step> widest(EngagementStory story) {
        return List.of(
                Step.of(
                        COACH,
                        new SessionLogged(ID, "session-widest", COACH.id(), LocalDate.of(2026, 11, 9), 60, notes)),
                Step.of(HR, new UpdateRequested(ID, "request-widest", Audience.HR, HR.id(), Scope.OUTCOME, message)),
                Step.of(
                        COACH,
                        new UpdateShared(
                                ID,
                                "update-widest-boss",
                                Audience.BOSS,
                                Scope.PROGRESS,
                                content,
                                BOSS.id(),
                                COACH.id(),
                                Instant.now(),
                                BOSS_CONSENT,
                                "budget decisions",
                                story.bossConsentGrant().eventId(),
                                5)),
                Step.of(
                        CLIENT,
                        new UpdateShared(
                                ID,
                                "update-widest-hr",
                                Audience.HR,
                                Scope.ATTENDANCE,
                                content,
                                HR.id(),
                                CLIENT_ID,
                                Instant.now(),
                                HR_CONSENT,
                                "programme tracking",
                                story.steps().get(6).eventId(),
                                6)),
                Step.of(CLIENT, new SatisfactionRecorded(ID, 5, comment)),
                Step.of(CLIENT, new UpdateConsentRevoked(ID, HR_CONSENT, revokeReason)),
                Step.of(HR, new EngagementClosed(ID, Outcome.COMPLETED, closeReason, HR.id(), List.of(BOSS_CONSENT))));
    }

    private static HrProjection hrProjection(ViewWrites writes) {
        HrView view = new HrView(writes.jdbc(), Json.mapper(), new ConfidentialTexts(InMemoryClientDataKeys.sealer()));
        return new HrProjection(writes, Json.mapper(), new HrEngagementFeed(view, 3, 4096, Duration.ofSeconds(15)));
    }

    /** The limit of the command's field, in '€' (three UTF-8 bytes each, the most per UTF-16 character). */
    private static String longest(Class<? extends Record> command, String field) {
        for (var component : command.getRecordComponents()) {
            if (component.getName().equals(field)) {
                return "€"
                        .repeat(component
                                .getAccessor()
                                .getAnnotation(Size.class)
                                .max());
            }
        }
        throw new IllegalArgumentException(command.getSimpleName() + " has no field " + field);
    }
}
