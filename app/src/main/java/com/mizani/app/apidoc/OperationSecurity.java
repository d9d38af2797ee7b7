package com.mizani.app.apidoc;

import com.mizani.app.security.AccessPolicy;
import com.mizani.app.security.OperationAccess;
import com.mizani.app.security.Role;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpMethod;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Says for every operation how a caller proves itself and which roles it needs, read from the access policy that
 * enforces them: a bearer token whose roles the requirement lists, or, for the provider callbacks, the HMAC of
 * the body. An operation the policy has no rule for is refused to everyone, and says so.
 */
final class OperationSecurity implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI document) {
        if (document.getPaths() == null) {
            return;
        }
        document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                secure(HttpMethod.valueOf(method.name()), path, operation)));
    }

    private static void secure(HttpMethod method, String path, Operation operation) {
        if (new Endpoint(method, path).isProviderCallback()) {
            operation.setSecurity(List.of(new SecurityRequirement().addList(ApiDocumentation.CALLBACK_SIGNATURE)));
            return;
        }
        Optional<OperationAccess> access = AccessPolicy.accessOf(method, path);
        List<String> roles = access.map(OperationSecurity::roleNames).orElse(List.of());
        operation.setSecurity(List.of(
                new SecurityRequirement().addList(ApiDocumentation.BEARER, roles),
                new SecurityRequirement().addList(ApiDocumentation.CLIENT_CREDENTIALS)));
        String who = access.map(OperationSecurity::who).orElse("Nobody: the access policy has no rule for it.");
        String description = operation.getDescription() == null ? "" : operation.getDescription() + "\n\n";
        operation.setDescription(description + "**Who may call it:** " + who);
    }

    private static List<String> roleNames(OperationAccess access) {
        List<String> names = access.roles().stream().map(Role::claimValue).collect(Collectors.toList());
        if (!access.customerScopes().isEmpty()) {
            names.add(Role.CUSTOMER.claimValue());
        }
        return names;
    }

    private static String who(OperationAccess access) {
        String roles = access.roles().stream().map(role -> "`" + role.claimValue() + "`").collect(Collectors.joining(", "));
        if (access.customerScopes().isEmpty()) {
            return "a token with the role " + roles + ".";
        }
        return "a token with the role " + roles + ", or a `customer` when "
                + String.join(", or when ", access.customerScopes()) + " (anything else answers as if it did not exist).";
    }
}
