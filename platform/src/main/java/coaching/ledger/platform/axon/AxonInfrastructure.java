package coaching.ledger.platform.axon;

import coaching.ledger.kernel.Actor;
import coaching.ledger.kernel.consent.UpdateConsentGrantedUpcaster;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Serialization and metadata conventions every Axon message of the ledger follows. */
@Configuration(proxyBeanMethods = false)
public class AxonInfrastructure {

    /**
     * The Jackson 2 mapper Axon uses for events, messages, tokens and snapshots. Without it Axon
     * falls back to a mapper that writes instants as numbers and snapshots getter-less aggregates as
     * {@code {}}. Field visibility lets aggregates snapshot their private state.
     */
    @Bean("defaultAxonObjectMapper")
    public ObjectMapper defaultAxonObjectMapper() {
        return JsonMapper.builder()
                .findAndAddModules()
                .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /** Every event revision the ledger has shipped stays readable; Spring Boot registers upcaster beans in order. */
    @Bean
    public EventUpcaster updateConsentGrantedUpcaster() {
        return new UpdateConsentGrantedUpcaster();
    }

    /**
     * Copies who acted and the request's correlation id from each command onto every event it
     * causes. Declaring a provider replaces Axon's default MessageOriginProvider, whose
     * correlationId (the command's message id) would otherwise overwrite the caller's.
     */
    @Bean
    public CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(Actor.ACTOR_ID, Actor.ACTOR_ROLE, Actor.CORRELATION_ID);
    }
}
