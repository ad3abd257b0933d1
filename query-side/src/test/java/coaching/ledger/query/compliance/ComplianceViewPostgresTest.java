package coaching.ledger.query.compliance;

import coaching.ledger.query.testing.OnPostgres;

class ComplianceViewPostgresTest extends ComplianceViewHttpTest implements OnPostgres {}
