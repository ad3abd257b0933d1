package coaching.ledger.query.hr;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Pushes the changed HR rows to live subscribers once the projection's batch has committed: the rows
 * are read then (the batch's writes are sent at its commit, see ViewWrites), each changed engagement
 * once per batch, and a subscriber never sees a change that was rolled back.
 */
@Component
public class HrEngagementFeed {

    private static final String CHANGED_IN_BATCH = HrEngagementFeed.class.getName() + ".changed";

    private final QueryUpdateEmitter emitter;
    private final HrView view;

    public HrEngagementFeed(QueryUpdateEmitter emitter, HrView view) {
        this.emitter = emitter;
        this.view = view;
    }

    void changed(String engagementId) {
        // reading the rows back costs a query per changed engagement: only worth it while someone listens
        if (emitter.activeSubscriptions().stream().noneMatch(query -> query.getPayload() instanceof HrEngagementUpdates)) {
            return;
        }
        if (!CurrentUnitOfWork.isStarted()) {
            emit(engagementId);
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get();
        batch.getOrComputeResource(CHANGED_IN_BATCH, key -> {
            Set<String> changed = new LinkedHashSet<>();
            batch.afterCommit(committed -> changed.forEach(this::emit));
            return changed;
        }).add(engagementId);
    }

    private void emit(String engagementId) {
        view.engagement(engagementId).ifPresent(row -> emitter.emit(HrEngagementUpdates.class, query -> true, row));
    }

    /** Open streams end when the application stops, so its graceful shutdown need not wait for them. */
    @EventListener(ContextClosedEvent.class)
    void endStreams() {
        emitter.complete(HrEngagementUpdates.class, query -> true);
    }
}
