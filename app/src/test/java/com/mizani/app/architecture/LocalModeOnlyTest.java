package com.mizani.app.architecture;

import com.mizani.app.mode.ConditionalOnLocalMode;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded and simulated parts may ship in the jar, but only code marked {@link ConditionalOnLocalMode} (a class,
 * a class it is nested in, or a bean method; also through an annotation that carries it, such as
 * {@code @ConditionalOnEmbeddedIssuer}) may create one: then nothing on the production path can.
 */
@AnalyzeClasses(packages = "com.mizani", importOptions = ImportOption.DoNotIncludeTests.class)
class LocalModeOnlyTest {

    /**
     * The embedded servers, the simulators (M-Pesa, FX rates) and the token issuer: building or starting one is
     * creating it.
     */
    static boolean createsEmbeddedPart(JavaCall<?> call) {
        JavaClass owner = call.getTargetOwner();
        boolean constructor = call instanceof JavaConstructorCall;
        return constructor && (owner.isAssignableTo("de.bwaldvogel.mongo.MongoServer")
                || owner.isAssignableTo("de.bwaldvogel.mongo.backend.memory.MemoryBackend")
                || owner.isAssignableTo("com.mizani.providersim.ProviderSimulator")
                || owner.isAssignableTo("com.mizani.app.identity.SigningKeys")
                || owner.isAssignableTo("com.mizani.command.fx.rates.SimulatedRateSource"))
                || owner.isAssignableTo("io.zonky.test.db.postgres.embedded.EmbeddedPostgres")
                && call.getName().equals("builder")
                // The embedded token issuer: Spring Authorization Server's endpoints on our own filter chain.
                || owner.isAssignableTo("org.springframework.security.config.annotation.web.builders.HttpSecurity")
                && call.getName().equals("oauth2AuthorizationServer");
    }

    static boolean isLocalModeOnly(JavaCodeUnit code) {
        return code.isAnnotatedWith(ConditionalOnLocalMode.class) || code.isMetaAnnotatedWith(ConditionalOnLocalMode.class)
                || isLocalModeOnly(code.getOwner());
    }

    static boolean isLocalModeOnly(JavaClass type) {
        return type.isAnnotatedWith(ConditionalOnLocalMode.class) || type.isMetaAnnotatedWith(ConditionalOnLocalMode.class)
                || type.getEnclosingCodeUnit().map(LocalModeOnlyTest::isLocalModeOnly).orElse(false)
                || type.getEnclosingClass().map(LocalModeOnlyTest::isLocalModeOnly).orElse(false);
    }

    @ArchTest
    static final ArchRule onlyLocalModeCodeCreatesEmbeddedParts = classes()
            // The simulator's own module runs it standalone; it is not on Mizani's production path.
            .that().resideOutsideOfPackage("com.mizani.providersim..")
            .should(new ArchCondition<JavaClass>("create embedded servers or the simulator only in code marked @ConditionalOnLocalMode") {
                @Override
                public void check(JavaClass type, ConditionEvents events) {
                    for (JavaCall<?> call : type.getCodeUnitCallsFromSelf()) {
                        if (createsEmbeddedPart(call) && !isLocalModeOnly(call.getOrigin())) {
                            events.add(SimpleConditionEvent.violated(call, call.getDescription()));
                        }
                    }
                }
            });

    /** The rule above sees the places that do create the parts, so it would see a new one. */
    @ArchTest
    static void theRuleRecognisesEveryEmbeddedPartThere(JavaClasses imported) {
        Stream<String> creators = imported.stream()
                .filter(type -> !type.getPackageName().startsWith("com.mizani.providersim"))
                .flatMap(type -> type.getCodeUnitCallsFromSelf().stream())
                .filter(LocalModeOnlyTest::createsEmbeddedPart)
                .map(call -> call.getOrigin().getOwner().getSimpleName() + "." + call.getOrigin().getName())
                .distinct();
        assertThat(creators).contains(
                "EmbeddedPostgresConfiguration.embeddedPostgres",
                "EmbeddedMongoConfiguration.embeddedMongoServer",
                "EmbeddedSimulatorConfiguration.embeddedSimulator",
                "EmbeddedIssuerConfiguration.signingKeys",
                "EmbeddedIssuerConfiguration.authorizationServer",
                "SimulatedRatesConfiguration.rateSource");
    }
}
