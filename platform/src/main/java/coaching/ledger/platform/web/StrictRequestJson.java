package coaching.ledger.platform.web;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies are read exactly as written: a property the command does not know, a key given twice,
 * anything after the JSON value, a number sent as text (or text as a number, a boolean as text, a
 * fraction for a whole number, a number for an enum) and null for a number or flag are 400 naming the
 * field (ProblemDetailsAdvice). Lenient reading turned a misspelled {@code "validUntill"} into a consent
 * without an end date. Only the HTTP converter gets this copy of Boot's mapper (with its read limits,
 * RequestBodyLimit); other users of the mapper and Axon's Jackson 2 serializer of stored events, which
 * must read old events with fields since removed, keep their settings.
 */
@Configuration(proxyBeanMethods = false)
public class StrictRequestJson {

    /**
     * Replaces the JSON converter Boot's own customizer (order 0) put in its usual place among the
     * converters; responses are written as before.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    public ServerHttpMessageConvertersCustomizer strictJsonRequests(JsonMapper jsonMapper) {
        JacksonJsonHttpMessageConverter strict = new JacksonJsonHttpMessageConverter(strict(jsonMapper));
        return converters -> converters.withJsonConverter(strict);
    }

    static JsonMapper strict(JsonMapper jsonMapper) {
        return jsonMapper
                .rebuild()
                .enable(
                        DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(
                        LogicalType.Textual,
                        text -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Boolean,
                        flag -> flag.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .build();
    }
}
