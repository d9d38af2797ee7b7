package com.mizani.app.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

/**
 * Who may do what is decided in one place, the access policy of {@code com.mizani.app.security}: no controller or
 * handler decides it on the side, and nothing outside the security layer reads who the caller is from the security
 * context or the request's headers; controllers get a {@code Caller}.
 */
@AnalyzeClasses(packages = "com.mizani", importOptions = ImportOption.DoNotIncludeTests.class)
class AuthorizationInOnePlaceTest {

    /**
     * The console is here because it keeps people's sign-ins (their sessions and API tokens); it decides nothing
     * itself: every page acts through the API with the person's token (the rule below).
     */
    private static final String[] SECURITY_LAYER = {"com.mizani.app.security..", "com.mizani.app.identity..",
            "com.mizani.app.ratelimit..", "com.mizani.app.audit..", "com.mizani.app.console.."};

    @ArchTest
    static final ArchRule noMethodSecurityAnnotations = noMethods().should()
            .beAnnotatedWith("org.springframework.security.access.prepost.PreAuthorize")
            .orShould().beAnnotatedWith("org.springframework.security.access.annotation.Secured")
            .orShould().beAnnotatedWith("jakarta.annotation.security.RolesAllowed");

    @ArchTest
    static final ArchRule noClassSecurityAnnotations = noClasses().should()
            .beAnnotatedWith("org.springframework.security.access.prepost.PreAuthorize")
            .orShould().beAnnotatedWith("org.springframework.security.access.annotation.Secured")
            .orShould().beAnnotatedWith("jakarta.annotation.security.RolesAllowed");

    @ArchTest
    static final ArchRule onlyTheSecurityLayerUsesSpringSecurity = noClasses()
            .that().resideOutsideOfPackages(SECURITY_LAYER)
            .and().resideOutsideOfPackage("com.mizani.app.web..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework.security..");

    @ArchTest
    static final ArchRule onlyTheSecurityLayerReadsTheSecurityContext = noClasses()
            .that().resideOutsideOfPackages(SECURITY_LAYER)
            .should().dependOnClassesThat().haveFullyQualifiedName(
                    "org.springframework.security.core.context.SecurityContextHolder");

    /** The pages reach the ledger only through the API, so that the API's policy decides for them too. */
    @ArchTest
    static final ArchRule thePagesReachTheLedgerOnlyThroughTheApi = noClasses()
            .that().resideInAPackage("com.mizani.app.console..")
            .should().dependOnClassesThat().resideInAnyPackage("com.mizani.command..", "com.mizani.query..",
                    "com.mizani.saga..", "org.axonframework..", "org.springframework.jdbc..")
            .orShould().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("com.mizani.app..")
                    .and(JavaClass.Predicates.resideOutsideOfPackages("com.mizani.app.console..",
                            "com.mizani.app.security..", "com.mizani.app.identity..", "com.mizani.app.web..")));
}
