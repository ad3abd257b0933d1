package coaching.ledger.query.hr;

import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Pushes the changed HR row to live subscribers. The emitter delivers only once the projection's
 * transaction committed, so a subscriber never sees a change that was rolled back.
 */
@Component
class HrEngagementFeed {

    private final QueryUpdateEmitter emitter;
    private final HrView view;

    HrEngagementFeed(QueryUpdateEmitter emitter, HrView view) {
        this.emitter = emitter;
        this.view = view;
    }

    void changed(String engagementId) {
        // reading the row back costs a query per event: only worth it while someone listens
        if (emitter.activeSubscriptions().stream().noneMatch(query -> query.getPayload() instanceof HrEngagementUpdates)) {
            return;
        }
        view.engagement(engagementId).ifPresent(row -> emitter.emit(HrEngagementUpdates.class, query -> true, row));
    }

    /** Open streams end when the application stops, so its graceful shutdown need not wait for them. */
    @EventListener(ContextClosedEvent.class)
    void endStreams() {
        emitter.complete(HrEngagementUpdates.class, query -> true);
    }
}
