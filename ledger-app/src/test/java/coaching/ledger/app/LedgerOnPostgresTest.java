package coaching.ledger.app;

import coaching.ledger.platform.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same scenarios against the real PostgreSQL server of the development and CI machines. */
class LedgerOnPostgresTest extends LedgerIntegrationTest
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
                CommandSideChannelScenarios,
                StrictRequestScenarios,
                SignInThrottlingScenarios {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry);
    }
}
