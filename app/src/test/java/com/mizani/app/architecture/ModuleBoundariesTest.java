package com.mizani.app.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module rules of docs/architecture.md that the poms cannot enforce: the kernel has Axon (and with it much else)
 * on its classpath but may use only Axon's annotations, the command side could use the JDK's JDBC but must not, and
 * the provider adapter may use only two packages of the modules it depends on. Which module depends on which is
 * otherwise the poms' business; LayerRulesTest holds the rules inside the modules.
 */
@AnalyzeClasses(packages = "com.mizani", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    private static final String KERNEL = "com.mizani.kernel..";
    private static final String COMMAND = "com.mizani.command..";
    private static final String QUERY = "com.mizani.query..";
    private static final String SAGA = "com.mizani.saga..";
    private static final String AXON_CONFIG = "com.mizani.axon..";
    private static final String PROVIDER = "com.mizani.provider..";
    private static final String APP = "com.mizani.app..";
    private static final String OUTBOUND = "com.mizani.outbound..";
    /** What of the other modules the provider adapter may use: the port it implements, and the command sender. */
    private static final String[] PROVIDER_MAY_USE = {"com.mizani.saga.provider..", "com.mizani.command.support.."};

    private static final DescribedPredicate<JavaClass> AXON_BEYOND_ANNOTATIONS =
            DescribedPredicate.describe("Axon classes other than annotations",
                    type -> type.getPackageName().startsWith("org.axonframework") && !type.isAnnotation());

    @ArchTest
    static final ArchRule kernelUsesNoFrameworkButAxonAnnotations = noClasses().that().resideInAPackage(KERNEL)
            .should().dependOnClassesThat(resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                    "com.fasterxml.jackson..", "tools.jackson..").or(AXON_BEYOND_ANNOTATIONS));

    /** The command side decides from events alone; it has no way to read a table, so none of the query side's. */
    @ArchTest
    static final ArchRule commandSideNeverReadsTables = noClasses().that().resideInAPackage(COMMAND)
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.springframework.jdbc..");

    /**
     * The provider adapter is an edge: it implements the sagas' port and hands callbacks to the payments as
     * commands, and knows nothing else of Mizani but the kernel; in particular no aggregate, saga or view. Its pom
     * needs the command side and the sagas for that, so only this rule can keep it to those two packages.
     */
    @ArchTest
    static final ArchRule providerAdapterKnowsTheKernelThePortAndTheCommandSender = noClasses()
            .that().resideInAPackage(PROVIDER)
            .should().dependOnClassesThat(resideInAnyPackage(COMMAND, QUERY, SAGA, AXON_CONFIG, APP)
                    .and(not(resideInAnyPackage(PROVIDER_MAY_USE))));

    /**
     * Events to the outside read the store and its positions, not the views: of the query side only its shared support
     * (pages, cursors, instants), the event positions and the PII masking of the audit views, so that what other systems
     * receive never depends on a projection.
     */
    @ArchTest
    static final ArchRule outboundUsesTheQuerySidesSupportOnly = noClasses().that().resideInAPackage(OUTBOUND)
            .should().dependOnClassesThat(resideInAnyPackage(COMMAND, QUERY, SAGA, AXON_CONFIG, APP, PROVIDER)
                    .and(not(resideInAnyPackage("com.mizani.query.support..")))
                    .and(not(com.tngtech.archunit.base.DescribedPredicate.describe("EventPositions or PiiMasking",
                            (JavaClass type) -> type.getName().equals("com.mizani.query.ledger.EventPositions")
                                    || type.getName().equals("com.mizani.query.audit.PiiMasking")))));
}
