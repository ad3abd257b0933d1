package coaching.ledger.app;

import coaching.ledger.platform.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** The demo users plus one user of each role who has nothing to do with the engagements of the matrix. */
@TestPropertySource(
        properties = {
            "ledger.security.users[0].id=hr-hugo",
            "ledger.security.users[0].password={noop}demo",
            "ledger.security.users[0].role=HR",
            "ledger.security.users[1].id=coach-cody",
            "ledger.security.users[1].password={noop}demo",
            "ledger.security.users[1].role=COACH",
            "ledger.security.users[2].id=compliance-cleo",
            "ledger.security.users[2].password={noop}demo",
            "ledger.security.users[2].role=COMPLIANCE",
            "ledger.security.users[3].id=integrator-ira",
            "ledger.security.users[3].password={noop}demo",
            "ledger.security.users[3].role=INTEGRATOR",
            "ledger.security.users[4].id=admin-abe",
            "ledger.security.users[4].password={noop}demo",
            "ledger.security.users[4].role=ADMIN"
        })
class AuthorisationMatrixOnH2Test extends LedgerIntegrationTest implements AuthorisationMatrixScenarios {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }
}
