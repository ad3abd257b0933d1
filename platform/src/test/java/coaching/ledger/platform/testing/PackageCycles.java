package coaching.ledger.platform.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rule every module keeps: no two of its packages depend on each other, directly or around a
 * loop, so a capability folder can be read (and changed) without the rest pulling at it.
 */
public final class PackageCycles {

    private PackageCycles() {}

    /** Fails naming each cycle among the production packages under {@code root}, the root itself included. */
    public static void assertNoneUnder(String root) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root);
        String parent = root.substring(0, root.lastIndexOf('.'));
        slices().matching(parent + ".(**)").should().beFreeOfCycles().check(classes);
    }
}
