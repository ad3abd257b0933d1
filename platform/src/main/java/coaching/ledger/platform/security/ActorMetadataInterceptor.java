package coaching.ledger.platform.security;

import coaching.ledger.kernel.Actor;
import coaching.ledger.platform.web.CorrelationIdFilter;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Stamps every command with the authenticated principal and the request's correlation id. They are
 * taken on the HTTP thread from the security context, never from a request body; a caller cannot
 * put them there itself because anything it sent as metadata is overwritten here.
 */
@Component
public class ActorMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Actor actor = CurrentActor.require();
            return command.andMetaData(
                    MetaData.from(actor.asMetaData()).and(Actor.CORRELATION_ID, CorrelationIdFilter.current()));
        };
    }
}
