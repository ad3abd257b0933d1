package coaching.ledger.query.testing;

import coaching.ledger.kernel.Actor;
import coaching.ledger.kernel.Confidential;
import coaching.ledger.kernel.Role;
import coaching.ledger.kernel.closure.EngagementClosed;
import coaching.ledger.kernel.closure.Outcome;
import coaching.ledger.kernel.closure.SatisfactionRecorded;
import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.Scope;
import coaching.ledger.kernel.consent.UpdateConsentGranted;
import coaching.ledger.kernel.consent.UpdateConsentRevoked;
import coaching.ledger.kernel.disclosure.DisclosureRefused;
import coaching.ledger.kernel.disclosure.RefusalReason;
import coaching.ledger.kernel.disclosure.UpdateRequested;
import coaching.ledger.kernel.disclosure.UpdateShared;
import coaching.ledger.kernel.sealing.TextSealer;
import coaching.ledger.kernel.selection.BudgetApproved;
import coaching.ledger.kernel.selection.CoachSelected;
import coaching.ledger.kernel.selection.CoachesShortlisted;
import coaching.ledger.kernel.selection.EngagementOpened;
import coaching.ledger.kernel.selection.Purpose;
import coaching.ledger.kernel.selection.Urgency;
import coaching.ledger.kernel.sessions.SessionLogged;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One active engagement of the demo users with everything a view might leak: session notes, an
 * update for the boss, an update for HR, a refused update and a satisfaction comment, each carrying
 * a unique marker.
 */
public record EngagementStory(String engagementId, Secrets secrets, List<Step> steps) {

    public static final Actor HR = new Actor("hr-hana", Role.HR);
    public static final Actor BOSS = new Actor("boss-ben", Role.BOSS);
    public static final Actor CLIENT = new Actor("client-cara", Role.CLIENT);
    public static final Actor COACH = new Actor("coach-cole", Role.COACH);
    public static final Actor COMPLIANCE = new Actor("compliance-cy", Role.COMPLIANCE);
    /** Shortlisted, never selected: must see nothing of the engagement. */
    public static final String SHORTLISTED_ONLY = "coach-chen";

    public static final String BOSS_CONSENT = "consent-boss";
    public static final String HR_CONSENT = "consent-hr";
    public static final int SCORE = 4;

    /** Unique text that may appear only in the views entitled to it. */
    public record Secrets(String sessionNotes, String bossContent, String hrContent, String satisfactionComment) {

        static Secrets fresh() {
            String id = UUID.randomUUID().toString().substring(0, 8);
            return new Secrets("NOTES-" + id, "FOR-BOSS-" + id, "FOR-HR-" + id, "COMMENT-" + id);
        }
    }

    public static EngagementStory of(String engagementId) {
        return of(engagementId, Purpose.REMEDIAL, SCORE);
    }

    public static EngagementStory of(String engagementId, Purpose purpose, int score) {
        return of(engagementId, purpose, score, COACH);
    }

    /** The story with another selected coach (the roster counts per coach). */
    public static EngagementStory of(String engagementId, Purpose purpose, int score, Actor coach) {
        Secrets secrets = Secrets.fresh();
        List<Step> steps = new ArrayList<>(List.of(
                Step.of(HR, new EngagementOpened(engagementId, CLIENT.id(), BOSS.id(), HR.id(), purpose, Urgency.HIGH)),
                Step.of(HR, new CoachesShortlisted(engagementId, List.of(coach.id(), SHORTLISTED_ONLY))),
                Step.of(CLIENT, new CoachSelected(engagementId, coach.id())),
                Step.of(BOSS, new BudgetApproved(engagementId, 10, new BigDecimal("6000.00"), "EUR")),
                Step.of(
                        coach,
                        new SessionLogged(
                                engagementId,
                                "session-1",
                                coach.id(),
                                LocalDate.of(2026, 11, 2),
                                60,
                                "Talked about " + secrets.sessionNotes())),
                Step.of(
                        CLIENT,
                        new UpdateConsentGranted(
                                engagementId,
                                BOSS_CONSENT,
                                CLIENT.id(),
                                Audience.BOSS,
                                Set.of(Scope.OUTCOME, Scope.PROGRESS),
                                null,
                                "budget decisions",
                                "2026-11")),
                Step.of(
                        CLIENT,
                        new UpdateConsentGranted(
                                engagementId,
                                HR_CONSENT,
                                CLIENT.id(),
                                Audience.HR,
                                Set.of(Scope.ATTENDANCE),
                                Instant.now().plus(Duration.ofDays(30)),
                                "programme tracking",
                                "2026-11")),
                Step.of(
                        BOSS,
                        new UpdateRequested(
                                engagementId,
                                "request-boss",
                                Audience.BOSS,
                                BOSS.id(),
                                Scope.PROGRESS,
                                "How is it going?")),
                Step.of(
                        HR,
                        new UpdateRequested(
                                engagementId,
                                "request-hr",
                                Audience.HR,
                                HR.id(),
                                Scope.GOALS,
                                "Which goals were agreed?"))));
        steps.add(Step.of(
                coach,
                new UpdateShared(
                        engagementId,
                        "update-boss",
                        Audience.BOSS,
                        Scope.PROGRESS,
                        "Progress: " + secrets.bossContent(),
                        BOSS.id(),
                        coach.id(),
                        Instant.now(),
                        BOSS_CONSENT,
                        "budget decisions",
                        steps.get(5).eventId(),
                        5)));
        steps.add(Step.of(
                CLIENT,
                new UpdateShared(
                        engagementId,
                        "update-hr",
                        Audience.HR,
                        Scope.ATTENDANCE,
                        "Attendance: " + secrets.hrContent(),
                        HR.id(),
                        CLIENT.id(),
                        Instant.now(),
                        HR_CONSENT,
                        "programme tracking",
                        steps.get(6).eventId(),
                        6)));
        steps.add(Step.of(
                coach,
                new DisclosureRefused(
                        engagementId,
                        "update-refused",
                        Audience.BOSS,
                        Scope.GOALS,
                        coach.id(),
                        RefusalReason.SCOPE_NOT_COVERED)));
        steps.add(Step.of(CLIENT, new SatisfactionRecorded(engagementId, score, secrets.satisfactionComment())));
        return new EngagementStory(engagementId, secrets, List.copyOf(steps));
    }

    /**
     * The story as the command side records it since issue 14: every confidential text sealed under
     * the client's key by {@code sealer} (the secrets stay the texts sealed). Steps added later are
     * sealed with {@link Step#sealed}.
     */
    public EngagementStory sealedBy(TextSealer sealer) {
        return new EngagementStory(
                engagementId,
                secrets,
                steps.stream().map(step -> step.sealed(sealer, CLIENT.id())).toList());
    }

    /**
     * The story going on to revoke the HR consent and to close, each with a reason carrying a marker
     * of its own: with the story's texts, every kind of confidential text an engagement has.
     */
    public EngagementStory revokedAndClosed() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        return then(
                Step.of(CLIENT, new UpdateConsentRevoked(engagementId, HR_CONSENT, "REVOKED-" + marker)),
                Step.of(
                        HR,
                        new EngagementClosed(
                                engagementId, Outcome.COMPLETED, "CLOSED-" + marker, HR.id(), List.of(BOSS_CONSENT))));
    }

    /** Every confidential text (fields marked {@code @Confidential}) the story's events hold, as they hold it. */
    public List<String> confidentialTexts() {
        return steps.stream()
                .map(Step::event)
                .flatMap(event -> Arrays.stream(event.getClass().getRecordComponents())
                        .filter(component -> component.isAnnotationPresent(Confidential.class))
                        .map(component -> (String) read(component, event)))
                .filter(Objects::nonNull)
                .toList();
    }

    private static Object read(RecordComponent component, Object event) {
        try {
            return component.getAccessor().invoke(event);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The version a view shows once it applied the story. */
    public long versionIn(ViewVersion view) {
        return view.after(steps.stream().map(Step::event).toList());
    }

    /** The story continued by more steps (told separately, e.g. its closure). */
    public EngagementStory then(Step... more) {
        List<Step> continued = new ArrayList<>(steps);
        continued.addAll(List.of(more));
        return new EngagementStory(engagementId, secrets, List.copyOf(continued));
    }

    /** The grant step the update for the boss cites. */
    public Step bossConsentGrant() {
        return steps.get(5);
    }

    /** The client rates again: views keep only the latest score of an engagement. */
    public static Step rating(String engagementId, int score) {
        return Step.of(CLIENT, new SatisfactionRecorded(engagementId, score, "rated again"));
    }

    public Step closure() {
        return Step.of(
                HR,
                new EngagementClosed(
                        engagementId, Outcome.COMPLETED, "goals reached", HR.id(), List.of(BOSS_CONSENT, HR_CONSENT)));
    }
}
