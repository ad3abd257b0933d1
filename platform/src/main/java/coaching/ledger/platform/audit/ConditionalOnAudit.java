package coaching.ledger.platform.audit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Present unless {@code ledger.audit.enabled=false}: what reads Axon's JDBC event tables directly
 * (verification, export). The 'axonserver' profile turns it off, since Axon Server holds the events.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ConditionalOnProperty(name = "ledger.audit.enabled", havingValue = "true", matchIfMissing = true)
public @interface ConditionalOnAudit {}
