package coaching.ledger.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * Defaults every ledger process shares (command side, query side, the single-process app). An
 * application's own {@code application.properties}, profiles and environment variables override them.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:ledger-platform.properties")
public class LedgerPlatform {
}
