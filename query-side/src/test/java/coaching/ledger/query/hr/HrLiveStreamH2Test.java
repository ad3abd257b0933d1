package coaching.ledger.query.hr;

import coaching.ledger.query.testing.OnH2;

class HrLiveStreamH2Test extends HrLiveStreamHttpTest implements OnH2 {}
