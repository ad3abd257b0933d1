package coaching.ledger.query.projections.deadletters;

import coaching.ledger.query.Views;
import coaching.ledger.query.rows.ViewWrites;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every view's processor parks the events its handlers fail on, instead of Axon's default of logging
 * the failure and going on without the event. Axon's sequenced dead-letter queue, in the database
 * (table {@code DeadLetterEntry}, migration V107), keyed like the processors' sequencing policy
 * (Axon's default, per aggregate: per engagement, and per coach for the roster): once an event of
 * an engagement is parked, that engagement's later events are parked behind it, in order, while the
 * other engagements keep flowing. The dead-lettering invoker lets handler exceptions reach the queue
 * (it propagates them instead of logging them). {@link DeadLetterAdmin} lists and retries them.
 */
@Configuration(proxyBeanMethods = false)
public class ViewDeadLetters {

    @Bean
    public ConfigurerModule viewDeadLetterQueues(
            ConnectionProvider connections,
            TransactionManager transactions,
            @Qualifier("serializer") Serializer serializer,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            ViewWrites writes) {
        return configurer -> {
            EventProcessingConfigurer processing = configurer.eventProcessing();
            for (String view : Views.NAMES) {
                processing
                        .registerDeadLetterQueue(
                                view,
                                axon -> JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                                        .processingGroup(view)
                                        .connectionProvider(connections)
                                        .transactionManager(transactions)
                                        .schema(DeadLetterSchema.defaultSchema())
                                        .genericSerializer(serializer)
                                        .eventSerializer(eventSerializer)
                                        .build())
                        .registerDeadLetterPolicy(view, axon -> new ParkingPolicy(writes))
                        // allowReset: a replay handles every parked event again, so it empties the view's
                        // queue with its tokens; the cache spares a lookup per event while none is parked
                        .registerDeadLetteringEventHandlerInvokerConfiguration(
                                view,
                                (axon, invoker) -> invoker.allowReset(true).enableSequenceIdentifierCache())
                        .registerHandlerInterceptor(view, axon -> new ViewHandling(view));
            }
        };
    }
}
