package coaching.ledger.query.coach;

import coaching.ledger.query.testing.OnH2;

class CoachViewH2Test extends CoachViewHttpTest implements OnH2 {}
