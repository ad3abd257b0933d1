package coaching.ledger.platform;

import coaching.ledger.platform.testing.PackageCycles;
import org.junit.jupiter.api.Test;

class PlatformPackagesTest {

    @Test
    void noPackageCycles() {
        PackageCycles.assertNoneUnder("coaching.ledger.platform");
    }
}
