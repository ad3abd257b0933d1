package coaching.ledger.query.hr;

import coaching.ledger.query.testing.OnH2;

class HrViewH2Test extends HrViewHttpTest implements OnH2 {}
