package coaching.ledger.command;

import coaching.ledger.platform.testing.PackageCycles;
import org.junit.jupiter.api.Test;

/**
 * Capabilities depend on the shared receipts and lifecycle packages, never on the engagement or on
 * this root; the engagement and the root depend on capabilities. No loop among them.
 */
class CommandPackagesTest {

    @Test
    void theCommandSideHasNoPackageCycles() {
        PackageCycles.assertNoneUnder("coaching.ledger.command");
    }
}
