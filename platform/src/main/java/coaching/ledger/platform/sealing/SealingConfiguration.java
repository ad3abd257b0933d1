package coaching.ledger.platform.sealing;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

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
            @Value("${ledger.keys.cached-client-keys:10000}") long cachedKeys) {
        return new JdbcClientDataKeys(jdbc, transactions, wrapping, cachedKeys);
    }

    @Bean
    Sealer sealer(ClientDataKeys keys) {
        return new Sealer(keys);
    }
}
