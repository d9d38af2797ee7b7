package com.mizani.app.apidoc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mizani.command.support.WalletLegs;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.Refuses;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each operation's documented error codes are the codes it can answer with, no more and no fewer: every code its
 * handler can reach is in the API reference (docs/openapi.json, which ApiDocumentTest keeps equal to the served
 * document), and every code its {@code @Refuses} names is one the handler can reach.
 */
class DocumentedRefusalsTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages("com.mizani");

    /**
     * A provider callback answers the provider about its message. A wallet's refusal of the credit it settles (a
     * frozen wallet, one that is gone) comes back from WalletLegs as a value and is recorded on the payment, which
     * parks the deposit (docs/payments.md): never an answer.
     */
    private static final Predicate<JavaCodeUnit> WALLET_REFUSALS_ARE_RECORDED =
            unit -> unit.getOwner().getPackageName().startsWith("com.mizani.command.wallet")
                    || unit.getOwner().isEquivalentTo(WalletLegs.class);

    @Test
    void everyOperationListsExactlyTheCodesItCanAnswerWith() throws IOException {
        JsonNode document = new ObjectMapper().readTree(ApiDocumentTest.COMMITTED.toFile());
        ReachableRefusals reachable = new ReachableRefusals(CLASSES);
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (JavaClass controller : CLASSES) {
            if (!controller.isAnnotatedWith(RestController.class)) {
                continue;
            }
            for (JavaMethod handler : controller.getMethods()) {
                Optional<Endpoint> endpoint = Endpoint.of(handler.reflect());
                if (endpoint.isEmpty()) {
                    continue;
                }
                checked++;
                String name = endpoint.get().method() + " " + endpoint.get().pathTemplate();
                JsonNode operation = document.path("paths").path(endpoint.get().pathTemplate())
                        .path(endpoint.get().method().name().toLowerCase());
                if (operation.isMissingNode()) {
                    wrong.add(name + " is not in the document");
                    continue;
                }
                Set<ErrorCode> documented = documentedCodes(operation);
                Set<ErrorCode> declared = declaredCodes(handler);
                Set<ErrorCode> reached = reachable.from(handler,
                        endpoint.get().isProviderCallback() ? WALLET_REFUSALS_ARE_RECORDED : unit -> false);
                for (ErrorCode code : reached) {
                    if (!documented.contains(code)) {
                        wrong.add(name + " can answer " + code + ", which its document does not list: add it to the "
                                + "@Refuses of " + handler.getFullName());
                    }
                }
                for (ErrorCode code : declared) {
                    if (!reached.contains(code)) {
                        wrong.add(name + " lists " + code + " in its @Refuses, which it cannot answer with");
                    }
                }
                for (ErrorCode code : documented) {
                    if (!declared.contains(code) && !CommonRefusals.ALL.contains(code)) {
                        wrong.add(name + " documents " + code + ", which is neither its own nor a common refusal");
                    }
                }
            }
        }
        assertThat(checked).as("operations checked").isGreaterThan(60);
        assertThat(wrong).as("operations whose documented codes are not what they can answer with").isEmpty();
    }

    private static Set<ErrorCode> documentedCodes(JsonNode operation) {
        Set<ErrorCode> codes = EnumSet.noneOf(ErrorCode.class);
        operation.path("responses").forEach(response -> response.path("content")
                .path(OperationRefusals.PROBLEM_JSON).path("examples")
                .fieldNames().forEachRemaining(code -> codes.add(ErrorCode.valueOf(code))));
        return codes;
    }

    private static Set<ErrorCode> declaredCodes(JavaMethod handler) {
        Refuses refuses = handler.reflect().getAnnotation(Refuses.class);
        Set<ErrorCode> codes = EnumSet.noneOf(ErrorCode.class);
        if (refuses != null) {
            codes.addAll(List.of(refuses.value()));
        }
        return codes;
    }
}
