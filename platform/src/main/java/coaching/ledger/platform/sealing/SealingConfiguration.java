package coaching.ledger.platform.sealing;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Duration;

/** The sealer every process uses: the write side seals, the views open for those entitled to read. */
@Configuration(proxyBeanMethods = false)
public class SealingConfiguration {

    @Bean
    KeyEncryptionKey keyEncryptionKey(Environment environment) {
        return KeyEncryptionKey.fromEnvironment(environment);
    }

    @Bean
    ClientDataKeys clientDataKeys(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            DataKeyWrapping wrapping,
            @Value("${ledger.keys.cached-client-keys:10000}") long cachedKeys,
            @Value("${ledger.keys.cached-client-key-ttl:60s}") Duration cacheTtl) {
        return new JdbcClientDataKeys(jdbc, transactions, wrapping, cachedKeys, cacheTtl);
    }

    @Bean
    Sealer sealer(ClientDataKeys keys) {
        return new Sealer(keys);
    }
}
