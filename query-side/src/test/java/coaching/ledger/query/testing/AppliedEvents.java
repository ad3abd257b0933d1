package coaching.ledger.query.testing;

import org.axonframework.eventhandling.EventHandler;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The event types a projection declares handlers for (the first parameter of each @EventHandler). */
public final class AppliedEvents {

    private AppliedEvents() {}

    public static Set<Class<?>> of(Class<?> projection) {
        return Arrays.stream(projection.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(EventHandler.class))
                .map(Method::getParameterTypes)
                .map(parameters -> parameters[0])
                .collect(Collectors.toSet());
    }
}
