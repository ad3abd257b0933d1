package coaching.ledger.query;

import coaching.ledger.platform.testing.PackageCycles;
import org.junit.jupiter.api.Test;

/**
 * The query side's packages (each view's slice, rows, engagement, web, projections) depend on each
 * other one way only, so each can be read and changed without the others pulling at it.
 */
class QueryPackagesTest {

    @Test
    void noPackageCycles() {
        PackageCycles.assertNoneUnder("coaching.ledger.query");
    }
}
