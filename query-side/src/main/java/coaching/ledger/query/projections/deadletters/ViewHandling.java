package coaching.ledger.query.projections.deadletters;

import coaching.ledger.query.rows.Failures;
import coaching.ledger.query.rows.ViewWriteFailed;
import coaching.ledger.query.rows.ViewWrites;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import javax.annotation.Nonnull;

/**
 * Around each event a view's processor handles (and each parked event it retries):
 * <ul>
 * <li>tells {@link ViewWrites} which view the unit of work writes, for retrying a failed batch isolated;</li>
 * <li>lets no failure's text out of the view: Axon logs what leaves a handler (a failed batch, a
 * parked event failing again), and the text may quote the event (a full queue's message prints
 * the whole event, session notes included) or the values written. What leaves is a
 * {@link ViewHandlingFailed} naming the types and SQLState; trouble with the database passes as
 * it is, so that it is recognised as passing.</li>
 * </ul>
 */
class ViewHandling implements MessageHandlerInterceptor<EventMessage<?>> {

    private final String view;

    ViewHandling(String view) {
        this.view = view;
    }

    @Override
    public Object handle(
            @Nonnull UnitOfWork<? extends EventMessage<?>> unitOfWork, @Nonnull InterceptorChain interceptorChain)
            throws Exception {
        unitOfWork.resources().putIfAbsent(ViewWrites.VIEW_RESOURCE, view);
        try {
            return interceptorChain.proceed();
        } catch (Exception e) {
            if (Failures.isTransient(e) || e instanceof ViewWriteFailed || e instanceof ViewHandlingFailed) {
                throw e;
            }
            throw new ViewHandlingFailed(e);
        }
    }
}
