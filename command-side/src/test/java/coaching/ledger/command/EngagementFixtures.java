package coaching.ledger.command;

import coaching.ledger.command.coaches.CoachRegistry;
import coaching.ledger.command.engagement.Engagement;
import coaching.ledger.command.erasure.InMemoryClientEngagements;
import coaching.ledger.kernel.Actor;
import coaching.ledger.kernel.Rejection;
import coaching.ledger.kernel.Role;
import coaching.ledger.kernel.closure.EngagementClosed;
import coaching.ledger.kernel.closure.Outcome;
import coaching.ledger.kernel.consent.Audience;
import coaching.ledger.kernel.consent.GrantUpdateConsent;
import coaching.ledger.kernel.consent.Scope;
import coaching.ledger.kernel.consent.UpdateConsentGranted;
import coaching.ledger.kernel.consent.UpdateConsentRevoked;
import coaching.ledger.kernel.disclosure.ShareUpdate;
import coaching.ledger.kernel.selection.BudgetApproved;
import coaching.ledger.kernel.selection.CoachSelected;
import coaching.ledger.kernel.selection.CoachesShortlisted;
import coaching.ledger.kernel.selection.EngagementOpened;
import coaching.ledger.kernel.selection.Purpose;
import coaching.ledger.kernel.selection.Urgency;
import coaching.ledger.kernel.sessions.SessionLogged;
import coaching.ledger.platform.fingerprint.Fingerprints;
import coaching.ledger.platform.sealing.ClientDataKeys;
import coaching.ledger.platform.sealing.Sealer;
import coaching.ledger.platform.testing.InMemoryClientDataKeys;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.hamcrest.TypeSafeMatcher;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

/**
 * The cast, the given events and the fixture every write-model test of an engagement shares. Given
 * events get aggregate sequence numbers 0, 1, 2, ... in the order they are given, so
 * {@link #activeEngagement()} occupies sequences 0 to 3 and the next event is number 4.
 */
public final class EngagementFixtures {

    public static final String ENGAGEMENT = "eng-42";

    public static final String HR = "hr-hana";
    public static final String OTHER_HR = "hr-hugo";
    public static final String CLIENT = "client-cara";
    public static final String OTHER_CLIENT = "client-carl";
    public static final String BOSS = "boss-ben";
    public static final String OTHER_BOSS = "boss-bea";
    /** Shortlisted and selected. */
    public static final String COACH = "coach-cole";
    /** Shortlisted, never selected. */
    public static final String RUNNER_UP = "coach-chen";
    /** Registered, never shortlisted for {@link #ENGAGEMENT}. */
    public static final String OUTSIDER = "coach-cruz";
    /** Not registered at all. */
    public static final String UNREGISTERED = "coach-ghost";

    public static final Set<String> REGISTERED_COACHES = Set.of(COACH, RUNNER_UP, OUTSIDER);

    /** The moment the tests run at (the fixture's clock, which also stamps events). */
    public static final Instant NOW = Instant.parse("2026-11-24T10:15:30Z");

    /** Sequence number of the first event after {@link #activeEngagement()}. */
    public static final long AFTER_ACTIVE = 4;

    public static final Map<String, String> AS_HR = as(Role.HR, HR);
    public static final Map<String, String> AS_OTHER_HR = as(Role.HR, OTHER_HR);
    public static final Map<String, String> AS_CLIENT = as(Role.CLIENT, CLIENT);
    public static final Map<String, String> AS_OTHER_CLIENT = as(Role.CLIENT, OTHER_CLIENT);
    public static final Map<String, String> AS_BOSS = as(Role.BOSS, BOSS);
    public static final Map<String, String> AS_OTHER_BOSS = as(Role.BOSS, OTHER_BOSS);
    public static final Map<String, String> AS_COACH = as(Role.COACH, COACH);
    public static final Map<String, String> AS_RUNNER_UP = as(Role.COACH, RUNNER_UP);
    public static final Map<String, String> AS_OUTSIDER = as(Role.COACH, OUTSIDER);

    /** The in-memory client keys of every write-model test; never erase a client of the cast in them. */
    public static final InMemoryClientDataKeys KEYS = new InMemoryClientDataKeys();

    /** The fingerprint key of every write-model test (a server's own is random and secret). */
    public static final Fingerprints FINGERPRINTS =
            new Fingerprints("a test key of thirty-two bytes or more".getBytes(StandardCharsets.UTF_8));

    /**
     * The sealer of every write-model test, over in-memory client keys. Deterministic, so a test builds
     * the event it expects with the event's own {@code sealed(SEALER, CLIENT)}, exactly as recorded.
     */
    public static final Sealer SEALER = new Sealer(EngagementFixtures.KEYS);

    private EngagementFixtures() {}

    // --- fixture -----------------------------------------------------------------------------

    /** An Engagement fixture whose coach registry knows {@link #REGISTERED_COACHES}, over the keys of {@link #SEALER}. */
    public static FixtureConfiguration<Engagement> engagementFixture() {
        return engagementFixture(KEYS);
    }

    /** As {@link #engagementFixture()}, holding clients against erasure in {@code keys}. */
    public static FixtureConfiguration<Engagement> engagementFixture(ClientDataKeys keys) {
        FixtureConfiguration<Engagement> fixture = new AggregateTestFixture<>(Engagement.class);
        fixture.registerInjectableResource((CoachRegistry) REGISTERED_COACHES::contains);
        fixture.registerInjectableResource(FINGERPRINTS);
        fixture.registerInjectableResource(SEALER);
        fixture.registerInjectableResource(keys);
        fixture.registerInjectableResource(new InMemoryClientEngagements(keys));
        return fixture;
    }

    /** Given these events, judged at {@link #NOW}. */
    public static TestExecutor<Engagement> given(FixtureConfiguration<Engagement> fixture, List<?> events) {
        return fixture.givenCurrentTime(NOW).andGiven(events);
    }

    public static TestExecutor<Engagement> given(FixtureConfiguration<Engagement> fixture, Object... events) {
        return given(fixture, List.of(events));
    }

    /** The actor metadata a command carries (never the payload). */
    public static Map<String, String> as(Role role, String id) {
        return new Actor(id, role).asMetaData();
    }

    /** A command with its actor, for {@code givenCommands}/{@code andGivenCommands}. */
    public static CommandMessage<?> command(Object payload, Map<String, String> actor) {
        return GenericCommandMessage.asCommandMessage(payload).andMetaData(actor);
    }

    /** Concatenates event lists and single events into one list of given events. */
    public static List<Object> events(Object... eventsOrLists) {
        List<Object> all = new ArrayList<>();
        for (Object item : eventsOrLists) {
            if (item instanceof List<?> list) {
                all.addAll(list);
            } else {
                all.add(item);
            }
        }
        return all;
    }

    // --- events ------------------------------------------------------------------------------

    public static EngagementOpened opened() {
        return new EngagementOpened(ENGAGEMENT, CLIENT, BOSS, HR, Purpose.DEVELOPMENTAL, Urgency.NORMAL);
    }

    /** Shortlisted by {@link #HR}: the event names no actor, its metadata does (as every stored event's). */
    public static EventMessage<CoachesShortlisted> shortlisted() {
        return byActor(new CoachesShortlisted(ENGAGEMENT, List.of(COACH, RUNNER_UP)), AS_HR);
    }

    /** A given event with the actor metadata the ledger stores with every event. */
    public static <E> EventMessage<E> byActor(E payload, Map<String, String> actor) {
        return GenericEventMessage.<E>asEventMessage(payload).andMetaData(actor);
    }

    public static CoachSelected selected() {
        return new CoachSelected(ENGAGEMENT, COACH);
    }

    public static BudgetApproved budget(int sessions) {
        return new BudgetApproved(ENGAGEMENT, sessions, new BigDecimal("3000.00"), "EUR");
    }

    public static BudgetApproved budget() {
        return budget(10);
    }

    /** Opened, shortlisted, coach selected, budget approved: sequences 0 to 3. */
    public static List<Object> activeEngagement() {
        return List.of(opened(), shortlisted(), selected(), budget());
    }

    public static UpdateConsentGranted granted(
            String consentId, Audience audience, Instant validUntil, Scope... scopes) {
        return new UpdateConsentGranted(
                ENGAGEMENT,
                consentId,
                CLIENT,
                audience,
                EnumSet.copyOf(Arrays.asList(scopes)),
                validUntil,
                purposeOf(consentId),
                null);
    }

    public static GrantUpdateConsent grant(String consentId, Audience audience, Instant validUntil, Scope... scopes) {
        return new GrantUpdateConsent(
                ENGAGEMENT,
                consentId,
                audience,
                EnumSet.copyOf(Arrays.asList(scopes)),
                validUntil,
                purposeOf(consentId),
                null);
    }

    public static String purposeOf(String consentId) {
        return "keep my sponsor informed (" + consentId + ")";
    }

    /** Revoked as recorded: the reason sealed for {@link #CLIENT}. */
    public static UpdateConsentRevoked revoked(String consentId) {
        return new UpdateConsentRevoked(ENGAGEMENT, consentId, "changed my mind").sealed(SEALER, CLIENT);
    }

    /** Closed by {@link #HR} as recorded: the reason sealed for {@link #CLIENT}. */
    public static EngagementClosed closed(String... endedConsentIds) {
        return new EngagementClosed(ENGAGEMENT, Outcome.COMPLETED, "goals reached", HR, List.of(endedConsentIds))
                .sealed(SEALER, CLIENT);
    }

    /** Logged as recorded: the notes sealed for {@link #CLIENT}. */
    public static SessionLogged sessionLogged(String sessionId, String notes) {
        return sessionLoggedInClear(sessionId, notes).sealed(SEALER, CLIENT);
    }

    /** Logged as the ledger recorded sessions before it sealed confidential text. */
    public static SessionLogged sessionLoggedInClear(String sessionId, String notes) {
        return new SessionLogged(ENGAGEMENT, sessionId, COACH, LocalDate.of(2026, 11, 20), 60, notes);
    }

    public static ShareUpdate share(String updateId, Audience audience, Scope scope, String content) {
        return new ShareUpdate(ENGAGEMENT, updateId, audience, scope, content);
    }

    // --- expectations -------------------------------------------------------------------------

    /** A {@link Rejection} of exactly this kind. */
    public static Matcher<Throwable> rejected(Rejection.Kind kind) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable actual, Description mismatch) {
                if (!(actual instanceof Rejection rejection)) {
                    mismatch.appendText("was ").appendValue(actual);
                    return false;
                }
                if (rejection.kind() != kind) {
                    mismatch.appendText("was a Rejection of kind ")
                            .appendValue(rejection.kind())
                            .appendText(": ")
                            .appendText(rejection.getMessage());
                    return false;
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a Rejection of kind ").appendValue(kind);
            }
        };
    }

    /** What every conflict over a used id adds; nothing in it depends on the content tried. */
    public static final String USED_ONCE = "; an id is used once, by one principal, with one content";

    /**
     * A {@link Rejection} of this kind with exactly this message: a test giving two contents the same
     * expected message proves the answer does not depend on the content (no oracle for guesses).
     */
    public static Matcher<Throwable> rejected(Rejection.Kind kind, String message) {
        return rejected(kind, message, null);
    }

    /** A {@link Rejection} of this kind with exactly this message and this reason code. */
    public static Matcher<Throwable> rejected(Rejection.Kind kind, String message, Enum<?> reason) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable actual, Description mismatch) {
                if (actual instanceof Rejection rejection
                        && rejection.kind() == kind
                        && message.equals(rejection.getMessage())
                        && Objects.equals(reason == null ? null : reason.name(), rejection.reason())) {
                    return true;
                }
                mismatch.appendText("was ").appendValue(actual);
                return false;
            }

            @Override
            public void describeTo(Description description) {
                description
                        .appendText("a Rejection of kind ")
                        .appendValue(kind)
                        .appendText(" saying ")
                        .appendValue(message)
                        .appendText(" for reason ")
                        .appendValue(reason);
            }
        };
    }

    /** An INVALID {@link Rejection} naming this request field. */
    public static Matcher<Throwable> invalid(String field) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable actual, Description mismatch) {
                if (!(actual instanceof Rejection rejection)
                        || rejection.kind() != Rejection.Kind.INVALID
                        || !field.equals(rejection.field())) {
                    mismatch.appendText("was ").appendValue(actual);
                    if (actual instanceof Rejection rejection) {
                        mismatch.appendText(" of kind ")
                                .appendValue(rejection.kind())
                                .appendText(" on field ")
                                .appendValue(rejection.field());
                    }
                    return false;
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an INVALID Rejection on field ").appendValue(field);
            }
        };
    }

    /**
     * Exactly one event, whose payload is remembered by the returned captor for assertions of every
     * field (for events with values the test cannot know in advance, such as event ids).
     */
    public static <E> Captor<E> captor(Class<E> type) {
        return new Captor<>(type);
    }

    /** The identifier of the one stored event of this engagement whose payload matches. */
    public static String eventIdOf(FixtureConfiguration<?> fixture, Predicate<Object> payload) {
        List<String> ids = fixture.getEventStore()
                .readEvents(ENGAGEMENT)
                .asStream()
                .filter(message -> payload.test(message.getPayload()))
                .map(EventMessage::getIdentifier)
                .toList();
        if (ids.size() != 1) {
            throw new AssertionError("expected exactly one matching event, found " + ids.size());
        }
        return ids.get(0);
    }

    /** Every payload stored for the engagement, given and recorded, in order. */
    public static List<Object> storedPayloads(FixtureConfiguration<?> fixture) {
        return fixture.getEventStore()
                .readEvents(ENGAGEMENT)
                .asStream()
                .map(DomainEventMessage::getPayload)
                .map(Object.class::cast)
                .toList();
    }

    public static final class Captor<E> extends TypeSafeMatcher<Object> {

        private final Class<E> type;
        private E value;

        private Captor(Class<E> type) {
            this.type = type;
        }

        /** Matches the list of published events when it is exactly one event of the captured type. */
        public Matcher<List<EventMessage<?>>> single() {
            @SuppressWarnings({"unchecked", "rawtypes"})
            Matcher<List<EventMessage<?>>> matcher = (Matcher) payloadsMatching(exactSequenceOf(this, andNoMore()));
            return matcher;
        }

        @Override
        protected boolean matchesSafely(Object item) {
            if (type.isInstance(item)) {
                value = type.cast(item);
                return true;
            }
            return false;
        }

        @Override
        public void describeTo(Description description) {
            description.appendText("an event of type ").appendText(type.getSimpleName());
        }

        public E value() {
            return Objects.requireNonNull(value, "no " + type.getSimpleName() + " was captured");
        }
    }
}
