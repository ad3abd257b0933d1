package coaching.ledger.platform.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.interceptors.BeanValidationInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Commands carry their own Jakarta constraints (shared-kernel); they are checked on dispatch. */
@Configuration(proxyBeanMethods = false)
public class CommandValidation {

    @Bean
    public BeanValidationInterceptor<CommandMessage<?>> commandBeanValidation() {
        return new BeanValidationInterceptor<>();
    }
}
