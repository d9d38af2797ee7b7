package com.mizani.app.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The OpenAPI document says how to authenticate: a JWT bearer token on every operation, except the provider
 * callbacks, which prove themselves by the HMAC of their body instead.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentationSecurity {

    static final String BEARER = "bearerToken";

    @Bean
    OpenApiCustomizer bearerTokens() {
        return document -> {
            if (document.getComponents() == null) {
                document.setComponents(new Components());
            }
            document.getComponents().addSecuritySchemes(BEARER, new SecurityScheme()
                    .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                    .description("An OAuth2 access token (JWT) of the trusted issuer: POST /oauth2/token with "
                            + "client_credentials in local mode. See docs/security.md for the roles each operation needs."));
            if (document.getPaths() == null) {
                return;
            }
            document.getPaths().forEach((path, item) -> item.readOperations().forEach(operation ->
                    operation.setSecurity(path.startsWith("/api/v1/providers/")
                            ? List.of() : List.of(new SecurityRequirement().addList(BEARER)))));
        };
    }
}
