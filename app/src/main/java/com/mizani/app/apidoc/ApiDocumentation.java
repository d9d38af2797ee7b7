package com.mizani.app.apidoc;

import com.mizani.provider.mpesa.callback.CallbackGuard;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The API reference at /v3/api-docs (and Swagger UI): what Mizani is and its conventions, the resources as tags,
 * how callers authenticate, and the shared components; the customizers here fill in every operation's refusals,
 * roles and shared parameters from the code that decides them.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BEARER = "bearerToken";
    static final String CLIENT_CREDENTIALS = "clientCredentials";
    static final String CALLBACK_SIGNATURE = "callbackSignature";

    /** The resources, in the order a newcomer meets them. Each operation carries exactly one. */
    static final List<Tag> TAGS = List.of(
            tag("Wallets", "A wallet holds one currency for one owner. Open, read, freeze, unfreeze and close it."),
            tag("Deposits", "Money in: cash at a teller's desk, or an M-Pesa STK push to the customer's phone."),
            tag("Transfers", "Money across: from one wallet to another, once per key; across currencies on an FX quote."),
            tag("FX", "Currency conversion: a quote locks a price for a short time for the principal that asked, and "
                    + "a transfer on it converts at exactly that price, once (docs/fx.md)."),
            tag("Payroll", "Bulk payments from one wallet: a job of up to 100,000 items, sent as JSON or CSV, released "
                    + "under four eyes, reserved whole and paid in batches exactly once (docs/payroll.md)."),
            tag("Payments", "Money out and the mobile-money payments behind deposits: M-Pesa payouts (withdrawals) "
                    + "and the status of every payment, which the provider decides asynchronously."),
            tag("Ledger", "The double-entry ledger: a wallet's entries with running balances, statements, its balance "
                    + "at any instant, each transaction with all its postings, and the zero-sum check."),
            tag("Audit", "For auditors: who did what and when, balances replayed from the events, and the hash chain "
                    + "that proves no entry was altered."),
            tag("Operations", "For operations staff: payments waiting for a person, decisions and adjustments under "
                    + "four eyes, incidents, reconciliation with the provider, invariants and statistics."),
            tag("Webhooks", "Events to the outside: endpoints that receive the public events they subscribe to, "
                    + "signed (Standard Webhooks), retried for days, with their attempts, redelivery and a test ping "
                    + "(docs/webhooks.md, docs/events.md)."),
            tag("Admin", "Clients (applications), users (people), roles, signing keys and projection replays. "
                    + "Never money."),
            tag("Provider callbacks", "Called by the mobile-money provider, not by clients: results of payouts, "
                    + "STK pushes, status queries and C2B payments. Each is signed with the HMAC of its body."));

    @Bean
    OpenAPI mizaniApi(ObjectProvider<BuildProperties> build) {
        String version = build.stream().map(BuildProperties::getVersion).findFirst().orElse("development");
        Components components = new Components()
                .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .bearerFormat("JWT")
                        .description("An OAuth2 access token (JWT) of the trusted issuer. Each operation's "
                                + "requirement lists the roles that may call it (docs/security.md)."))
                .addSecuritySchemes(CLIENT_CREDENTIALS, new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                        .description("The same bearer token, asked for here with a client's id and secret: in "
                                + "local mode Mizani is its own issuer (the admin client creates the others).")
                        .flows(new OAuthFlows().clientCredentials(new OAuthFlow()
                                .tokenUrl("/oauth2/token").scopes(new Scopes()))))
                .addSecuritySchemes(CALLBACK_SIGNATURE, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER).name(CallbackGuard.SIGNATURE_HEADER)
                        .description("The hex HMAC-SHA256 of the raw body under the callback secret the provider "
                                + "and Mizani share (docs/provider.md). Callbacks also come only from the "
                                + "provider's addresses."));
        SharedComponents.addParametersTo(components);
        return new OpenAPI()
                .info(new Info()
                        .title("Mizani API")
                        .version(version)
                        .summary("Wallets, transfers, deposits and mobile-money payouts on a double-entry ledger")
                        .description(overview())
                        .contact(new Contact().name("The Mizani team"))
                        .license(new License().name("Proprietary: all rights reserved").identifier("LicenseRef-Proprietary")))
                .servers(List.of(new Server().url("/").description("The Mizani that serves this document")))
                .tags(TAGS)
                .components(components);
    }

    @Bean
    OperationCustomizer operationRefusals() {
        return new OperationRefusals();
    }

    @Bean
    @Order(1)
    OpenApiCustomizer operationSecurity() {
        return new OperationSecurity();
    }

    @Bean
    @Order(2)
    OpenApiCustomizer sharedParameters() {
        return new SharedParameters();
    }

    @Bean
    @Order(3)
    OpenApiCustomizer propertyConventions() {
        return new PropertyConventions();
    }

    /** Last: it adds what the others refer to. */
    @Bean
    @Order(4)
    OpenApiCustomizer sharedSchemas() {
        return new SharedSchemas();
    }

    private static Tag tag(String name, String description) {
        return new Tag().name(name).description(description);
    }

    private static String overview() {
        try {
            return new ClassPathResource("apidoc/overview.md").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("the API overview is missing from the jar", unreadable);
        }
    }
}
