package coaching.ledger.query.compliance;

import coaching.ledger.query.testing.OnH2;

class ComplianceViewH2Test extends ComplianceViewHttpTest implements OnH2 {}
