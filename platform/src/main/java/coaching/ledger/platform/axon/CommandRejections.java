package coaching.ledger.platform.axon;

import coaching.ledger.kernel.Rejection;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Carries a handler's {@link Rejection} back to the dispatcher as the details of a
 * {@link CommandExecutionException}. Axon Server routes a command to any command service and sends
 * back only a failure's message and details, never the exception: without this every 400/403/404/409
 * of a remotely handled command would arrive as a 500. The local bus takes the same path.
 */
@Component
public class CommandRejections implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (Rejection rejection) {
            throw asResult(rejection);
        } catch (AggregateNotFoundException notFound) {
            throw asResult(Rejection.notFound("no such engagement: " + notFound.getAggregateIdentifier()));
        }
    }

    /** The rejection a command failed with, when it was one. */
    public static Optional<Rejection> of(CommandExecutionException failure) {
        return failure.getDetails()
                .filter(Rejection.Details.class::isInstance)
                .map(details -> ((Rejection.Details) details).rejection());
    }

    private static CommandExecutionException asResult(Rejection rejection) {
        return new CommandExecutionException(rejection.getMessage(), null, rejection.details());
    }
}
