package com.mizani.app.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layering rules inside the modules, which the poms cannot express: every module that holds them has Spring
 * web, JDBC or Axon's command bus on its classpath. (Which module may use which is the poms' business, and is not
 * repeated here.) In the style of ddd-by-examples/library's {@code NoSpringInDomainLogicTest}.
 */
@AnalyzeClasses(packages = "com.mizani", importOptions = ImportOption.DoNotIncludeTests.class)
class LayerRulesTest {

    private static final String[] WEB = {"org.springframework.web..", "org.springframework.http..", "jakarta.servlet.."};
    private static final String[] SQL = {"java.sql..", "javax.sql..", "org.springframework.jdbc..",
            "org.springframework.data.."};

    private static final DescribedPredicate<JavaClass> CONTROLLER = DescribedPredicate.describe("controllers",
            type -> isController(type) || type.getEnclosingClass().map(LayerRulesTest::isController).orElse(false));

    /**
     * The aggregates and what they decide with (their state, decisions, proposals): command-side classes that are
     * neither controllers, nor nested in one, nor Spring components or configuration.
     */
    private static final DescribedPredicate<JavaClass> DOMAIN = DescribedPredicate.describe(
            "aggregates and their decisions", type -> type.getPackageName().startsWith("com.mizani.command")
                    && (type.isAnnotatedWith(Aggregate.class) || !CONTROLLER.test(type)
                    && !type.isMetaAnnotatedWith(Component.class) && !type.isAnnotatedWith(Configuration.class)
                    && !type.getPackageName().startsWith("com.mizani.command.support")));

    private static final DescribedPredicate<JavaClass> PROJECTION = DescribedPredicate.describe("projections",
            type -> type.getPackageName().startsWith("com.mizani.query")
                    && type.getMethods().stream().anyMatch(method -> method.isAnnotatedWith(EventHandler.class)));

    @ArchTest
    static final ArchRule aggregatesAndDecisionsKnowNoWebAndNoSql = noClasses().that(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(concat(WEB, SQL))
            .because("an aggregate decides from its events alone and is tested without a server");

    @ArchTest
    static final ArchRule controllersNeverRunSql = noClasses().that(CONTROLLER)
            .should().dependOnClassesThat().resideInAnyPackage(SQL)
            .because("each table is read through its repository (docs/architecture.md, the read side)");

    @ArchTest
    static final ArchRule projectionsNeverCallTheCommandSide = noClasses().that(PROJECTION)
            .should().dependOnClassesThat(resideInAnyPackage("org.axonframework.commandhandling..")
                    .or(resideInAnyPackage("com.mizani.command..")))
            .because("a projection only records what happened; replaying it must not change anything");

    private static boolean isController(JavaClass type) {
        return type.isAnnotatedWith(RestController.class) || type.isAnnotatedWith(Controller.class);
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
