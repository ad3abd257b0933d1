package coaching.ledger.platform.audit;

import coaching.ledger.platform.audit.tlog.CheckpointSigningKey;
import coaching.ledger.platform.audit.tlog.NoteSigner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The checkpoint signing key, in the processes that seal (and so sign): never read from the database. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnAudit
@ConditionalOnProperty(name = "ledger.chain.sealer.enabled", havingValue = "true", matchIfMissing = true)
class CheckpointConfiguration {

    @Bean
    NoteSigner checkpointSigner(Environment environment) {
        return CheckpointSigningKey.fromEnvironment(environment);
    }
}
