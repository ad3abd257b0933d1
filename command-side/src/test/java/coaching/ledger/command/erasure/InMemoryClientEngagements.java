package coaching.ledger.command.erasure;

import coaching.ledger.platform.sealing.ClientDataKeys;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client engagements for aggregate fixtures: enrolling holds the client against erasure in the given
 * keys and remembers the engagement; what each engagement holds is given by the test.
 */
public final class InMemoryClientEngagements implements ClientEngagements {

    private final ClientDataKeys keys;
    private final Map<String, List<EngagementHistory>> histories = new ConcurrentHashMap<>();

    public InMemoryClientEngagements(ClientDataKeys keys) {
        this.keys = keys;
    }

    @Override
    public void enrol(String engagementId, String clientId) {
        keys.holdAgainstErasure(clientId);
        histories
                .computeIfAbsent(clientId, id -> new ArrayList<>())
                .add(new EngagementHistory(engagementId, false, Set.of(), List.of(), 0));
    }

    /** The client's engagements are exactly {@code engagements} from now on. */
    public void given(String clientId, EngagementHistory... engagements) {
        histories.put(clientId, new ArrayList<>(List.of(engagements)));
    }

    @Override
    public List<EngagementHistory> of(String clientId) {
        return List.copyOf(histories.getOrDefault(clientId, List.of()));
    }
}
