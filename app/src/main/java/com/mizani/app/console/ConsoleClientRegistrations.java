package com.mizani.app.console;

import com.mizani.app.security.SecurityProperties;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;

/**
 * The console's one OAuth2 client registration, {@value #REGISTRATION_ID}. With the embedded issuer it is known once
 * the web server listens: the browser is sent to the issuer on whatever host and port it used (a relative address),
 * and the server redeems the code and reads the keys over loopback. With an outside issuer it is read from the
 * issuer's discovery document on first use, so that the application starts while the issuer is briefly away.
 */
final class ConsoleClientRegistrations implements ClientRegistrationRepository,
        ApplicationListener<WebServerInitializedEvent> {

    static final String REGISTRATION_ID = "mizani";
    static final String REDIRECT_PATH = "/login/oauth2/code/" + REGISTRATION_ID;
    static final String SIGN_IN_PATH = "/oauth2/authorization/" + REGISTRATION_ID;

    private final SecurityProperties security;
    private final ConsoleProperties console;
    private volatile ClientRegistration registration;
    private volatile int port;

    ConsoleClientRegistrations(SecurityProperties security, ConsoleProperties console) {
        this.security = security;
        this.console = console;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        // A management server on a port of its own has a context of its own, under the application's.
        if (event.getApplicationContext().getParent() == null) {
            port = event.getWebServer().getPort();
        }
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!REGISTRATION_ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration known = registration;
        if (known == null) {
            known = security.usesEmbeddedIssuer() ? embedded() : outside();
            registration = known;
        }
        return known;
    }

    private ClientRegistration embedded() {
        if (port == 0) {
            throw new IllegalStateException("the console signs in only once the web server listens");
        }
        String loopback = "http://127.0.0.1:" + port;
        return ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientId(console.clientId())
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}" + REDIRECT_PATH)
                .scope(OidcScopes.OPENID)
                .authorizationUri("/oauth2/authorize")
                .tokenUri(loopback + "/oauth2/token")
                .jwkSetUri(loopback + "/oauth2/jwks")
                .issuerUri(security.localIssuer())
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .clientName("Mizani")
                .build();
    }

    private ClientRegistration outside() {
        boolean secret = !console.clientSecret().isBlank();
        return ClientRegistrations.fromIssuerLocation(security.issuerUri())
                .registrationId(REGISTRATION_ID)
                .clientId(console.clientId())
                .clientSecret(secret ? console.clientSecret() : null)
                .clientAuthenticationMethod(secret ? ClientAuthenticationMethod.CLIENT_SECRET_BASIC
                        : ClientAuthenticationMethod.NONE)
                .redirectUri("{baseUrl}" + REDIRECT_PATH)
                .scope(OidcScopes.OPENID)
                .build();
    }
}
