package com.mizani.app.console;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The dashboards' sign-in (docs/dashboards.md). People sign in through the token issuer's authorization-code flow
 * with PKCE, as the OAuth2 client {@code clientId}: the embedded issuer's own {@code mizani-console} in local mode,
 * or a client of the OIDC provider of {@code mizani.security.issuer-uri} in production.
 *
 * @param clientId     the console's OAuth2 client at the issuer
 * @param clientSecret the client's secret at an outside issuer; empty for a public client (PKCE only), as the
 *                     embedded issuer's is
 */
@ConfigurationProperties("mizani.console")
public record ConsoleProperties(@DefaultValue("mizani-console") String clientId,
                                @DefaultValue("") String clientSecret) {
}
