package com.mizani.app.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module rules of docs/architecture.md that the poms cannot enforce: the kernel has Axon (and with it much else)
 * on its classpath but may use only Axon's annotations, and the command side could use the JDK's JDBC but must
 * not. Which module depends on which is the poms' business; LayerRulesTest holds the rules inside the modules.
 */
@AnalyzeClasses(packages = "com.mizani", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    private static final String KERNEL = "com.mizani.kernel..";

    private static final DescribedPredicate<JavaClass> AXON_BEYOND_ANNOTATIONS =
            DescribedPredicate.describe("Axon classes other than annotations",
                    type -> type.getPackageName().startsWith("org.axonframework") && !type.isAnnotation());

    @ArchTest
    static final ArchRule kernelUsesNoFrameworkButAxonAnnotations = noClasses().that().resideInAPackage(KERNEL)
            .should().dependOnClassesThat(resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                    "com.fasterxml.jackson..", "tools.jackson..").or(AXON_BEYOND_ANNOTATIONS));

    /** The command side decides from events alone; it has no way to read a table, so none of the query side's. */
    @ArchTest
    static final ArchRule commandSideNeverReadsTables = noClasses().that().resideInAPackage("com.mizani.command..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.springframework.jdbc..");

}
