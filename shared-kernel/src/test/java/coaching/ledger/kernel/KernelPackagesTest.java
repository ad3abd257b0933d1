package coaching.ledger.kernel;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The kernel cannot use the platform's shared rule (the platform depends on it), so it states it here. */
class KernelPackagesTest {

    @Test
    void noPackageCycles() {
        slices().matching("coaching.ledger.(**)")
                .should()
                .beFreeOfCycles()
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("coaching.ledger.kernel"));
    }
}
