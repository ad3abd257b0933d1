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

    private static final String UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";

    /**
     * Call first in every main method. Axon's update checker reports usage to the vendor at start-up;
     * a ledger of confidential information does not phone home unless its operator opts in with
     * {@code -Daxoniq.update-checker.disabled=false}.
     */
    public static void keepAxonFromPhoningHome() {
        if (System.getProperty(UPDATE_CHECKER_DISABLED) == null
                && System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null) {
            System.setProperty(UPDATE_CHECKER_DISABLED, "true");
        }
    }
}
