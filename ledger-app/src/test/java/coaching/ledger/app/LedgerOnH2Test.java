package coaching.ledger.app;

import coaching.ledger.platform.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class LedgerOnH2Test extends LedgerIntegrationTest
        implements SeedStoryScenarios,
                BadInputScenarios,
                ConcurrentDisclosureScenarios,
                StorageScenarios,
                ExportScenarios,
                VerificationScenarios,
                SignedLogScenarios,
                LateCommitScenarios,
                SchemaEvolutionScenarios,
                ApiDescriptionScenarios,
                BodyLimitScenarios,
                CommandSideChannelScenarios,
                StrictRequestScenarios,
                SignInThrottlingScenarios {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }
}
