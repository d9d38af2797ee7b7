package com.mizani.app.identity;

import com.mizani.app.mode.LocalPart;
import com.mizani.app.ratelimit.RateLimits;
import com.mizani.app.security.PrincipalStatus;
import com.mizani.app.security.SecurityProperties;
import com.mizani.app.web.PageHeaders;
import com.nimbusds.jose.jwk.JWK;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The embedded token issuer of local mode: Spring Authorization Server on the application's own port, with its
 * clients, users, issued authorizations and signing keys in PostgreSQL. Applications get tokens with
 * {@code client_credentials} ({@code POST /oauth2/token}, HTTP Basic); people sign in at {@code /login} through the
 * {@code authorization_code} flow with PKCE. Production mode never creates any of this: there, tokens come from the
 * OIDC provider of {@code mizani.security.issuer-uri}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnEmbeddedIssuer
public class EmbeddedIssuerConfiguration {

    @Bean
    public PasswordEncoder passwordEncoder() {
        return PasswordHashing.create();
    }

    @Bean
    public SigningKeys signingKeys(JdbcClient jdbc, TransactionTemplate transactions, SecurityProperties settings) {
        return new SigningKeys(jdbc, transactions, settings, Clock.systemUTC());
    }

    /** Signs with the newest key; keys replaced by a rotation are in the set only to verify. */
    @Bean
    public JwtEncoder jwtEncoder(SigningKeys keys) {
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(keys);
        encoder.setJwkSelector((List<JWK> candidates) -> candidates.stream()
                .filter(key -> key.getKeyID().equals(keys.signingKeyId()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no signing key among " + candidates.size())));
        return encoder;
    }

    @Bean
    public ClientRegistry clientRegistry(JdbcClient jdbc, JdbcOperations jdbcOperations, PasswordEncoder hashing,
                                         TransactionTemplate transactions, SecurityProperties settings) {
        return new ClientRegistry(jdbc, new JdbcRegisteredClientRepository(jdbcOperations), hashing, transactions, settings);
    }

    @Bean
    public UserRegistry userRegistry(JdbcClient jdbc, PasswordEncoder hashing) {
        return new UserRegistry(jdbc, hashing);
    }

    @Bean
    public RegisteredClientRepository registeredClientRepository(JdbcOperations jdbcOperations, ClientRegistry registry) {
        return new EnabledClients(new JdbcRegisteredClientRepository(jdbcOperations), registry);
    }

    @Bean
    public OAuth2AuthorizationService authorizationService(JdbcOperations jdbcOperations,
                                                           RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationService(jdbcOperations, clients);
    }

    @Bean
    public OAuth2AuthorizationConsentService authorizationConsentService(JdbcOperations jdbcOperations,
                                                                         RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationConsentService(jdbcOperations, clients);
    }

    @Bean
    public AuthorizationServerSettings authorizationServerSettings(SecurityProperties settings) {
        return AuthorizationServerSettings.builder().issuer(settings.localIssuer()).build();
    }

    @Bean
    public OAuth2TokenCustomizer<JwtEncodingContext> tokenClaims(ClientRegistry clients, UserRegistry users,
                                                                 SecurityProperties settings) {
        return new TokenClaims(clients, users, settings);
    }

    @Bean
    public PrincipalStatus principalStatus(ClientRegistry clients, UserRegistry users, SecurityProperties settings) {
        return new LocalPrincipalStatus(clients, users, settings.principalCheckMs(), Clock.systemUTC());
    }

    @Bean
    public BootstrapAdmin bootstrapAdmin(ClientRegistry clients, SigningKeys keys, JdbcClient jdbc,
                                         TransactionTemplate transactions, SecurityProperties settings) {
        return new BootstrapAdmin(clients, keys, jdbc, transactions, settings.bootstrapAdminSecret(),
                settings.localIssuer());
    }

    @Bean
    public IssuedAuthorizationsCleanup issuedAuthorizationsCleanup(JdbcClient jdbc, SecurityProperties settings) {
        return new IssuedAuthorizationsCleanup(jdbc, Duration.ofMillis(settings.cleanupIntervalMs()));
    }

    @Bean
    public LocalPart embeddedIssuerPart(SecurityProperties settings) {
        return new LocalPart("token-issuer", "embedded OAuth2/OIDC token issuer", Map.of(
                "issuer", settings.localIssuer(),
                "token-endpoint", settings.localIssuer() + "/oauth2/token",
                "clients-users-keys", "in PostgreSQL (security_client, security_user, signing_key)"));
    }

    /** The issuer's endpoints: token, authorize, JWK set, discovery, OIDC user info; people are sent to /login. */
    @Bean
    @Order(1)
    public SecurityFilterChain authorizationServer(HttpSecurity http, RateLimits rateLimits) throws Exception {
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.oidc(Customizer.withDefaults());
        });
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .addFilterBefore(rateLimits.filter(), AbstractPreAuthenticatedProcessingFilter.class);
        return http.build();
    }

    /** The sign-in page of people ({@code username}, {@code password}), against the users in PostgreSQL. */
    @Bean
    @Order(2)
    public SecurityFilterChain signIn(HttpSecurity http, UserRegistry users, PasswordEncoder hashing,
                                      RateLimits rateLimits) throws Exception {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(hashing);
        http.securityMatcher("/login", "/logout")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .authenticationManager(new ProviderManager(passwords))
                // The page is ours (SignInPage), with the dashboards' look and their content security policy.
                .formLogin(form -> form.loginPage("/login"))
                .logout(Customizer.withDefaults())
                .headers(PageHeaders::apply)
                .addFilterBefore(rateLimits.filter(), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }
}
