package com.mizani.app.apidoc;

import com.mizani.provider.mpesa.callback.CallbackGuard;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.util.List;
import java.util.Set;

/**
 * Puts the shared parameters in place of each operation's own copy: the Idempotency-Key and Prefer headers, and
 * the cursor and limit of every paged list. The provider callbacks' signature header goes too: it is their
 * security scheme.
 */
final class SharedParameters implements OpenApiCustomizer {

    /** A wallet opened without a key gets a new id each time; every other keyed operation needs its key. */
    private static final Set<String> KEY_OPTIONAL = Set.of("openWallet");

    @Override
    public void customise(OpenAPI document) {
        if (document.getPaths() == null) {
            return;
        }
        document.getPaths().values().forEach(item -> item.readOperations().forEach(SharedParameters::share));
    }

    private static void share(Operation operation) {
        List<Parameter> parameters = operation.getParameters();
        if (parameters == null) {
            return;
        }
        boolean paged = parameters.stream().anyMatch(parameter -> is(parameter, "query", "cursor"));
        List<Parameter> shared = parameters.stream()
                .filter(parameter -> !is(parameter, "header", CallbackGuard.SIGNATURE_HEADER))
                .map(parameter -> {
                    if (is(parameter, "header", "Idempotency-Key")) {
                        return reference(KEY_OPTIONAL.contains(operation.getOperationId())
                                ? SharedComponents.IDEMPOTENCY_KEY_OPTIONAL : SharedComponents.IDEMPOTENCY_KEY);
                    }
                    if (is(parameter, "header", "Prefer")) {
                        return reference(SharedComponents.PREFER);
                    }
                    if (paged && is(parameter, "query", "cursor")) {
                        return reference(SharedComponents.CURSOR);
                    }
                    if (paged && is(parameter, "query", "limit")) {
                        return reference(SharedComponents.LIMIT);
                    }
                    return parameter;
                })
                .toList();
        operation.setParameters(shared);
    }

    private static boolean is(Parameter parameter, String in, String name) {
        return in.equals(parameter.getIn()) && name.equalsIgnoreCase(parameter.getName());
    }

    private static Parameter reference(String component) {
        return new Parameter().$ref(SharedComponents.parameterRef(component));
    }
}
