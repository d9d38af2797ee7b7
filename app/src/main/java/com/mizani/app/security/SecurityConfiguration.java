package com.mizani.app.security;

import com.mizani.app.audit.ActorFilter;
import com.mizani.app.ratelimit.RateLimits;
import com.mizani.app.web.ProblemResponses;
import com.mizani.kernel.error.ErrorCode;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.Arrays;

/**
 * Every {@code /api/**} request carries a JWT bearer token, verified by Spring Security's OAuth2 resource server, and
 * is then decided by the {@link AccessPolicy}. Public: provider callbacks (they prove themselves by HMAC and source
 * address instead), health, and the API description. The rest of {@code /actuator} is for operations staff.
 * Anything else is refused. Sessions are never created here: each request stands on its token alone.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** Reached without a token. */
    static final String[] PUBLIC = {"/api/v1/providers/**", "/actuator/health", "/actuator/health/**",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error"};

    /**
     * Public paths where a token sent anyway is not even read: a provider never authenticates with one, and a bad
     * header must not turn the API description away. Health reads one, to show its details to operations staff in
     * production.
     */
    static final String[] TOKEN_IGNORED = {"/api/v1/providers/**", "/v3/api-docs", "/v3/api-docs/**",
            "/swagger-ui.html", "/swagger-ui/**", "/error"};

    @Bean
    @ConditionalOnProperty(name = "mizani.security.enabled", havingValue = "true", matchIfMissing = true)
    public JwtDecoder jwtDecoder(SecurityProperties settings, ObjectProvider<JWKSource<SecurityContext>> embeddedKeys,
                                 ObjectProvider<TrustedKeys> trustedKeys) {
        if (!settings.usesEmbeddedIssuer()) {
            return TokenDecoders.outside(settings);
        }
        JWKSource<SecurityContext> keys = embeddedKeys.getIfAvailable();
        TrustedKeys trusted = trustedKeys.getIfAvailable();
        if (keys == null || trusted == null) {
            throw new IllegalStateException("no token issuer: set mizani.security.issuer-uri (the embedded issuer "
                    + "exists only in local mode)");
        }
        return TokenDecoders.embedded(keys, trusted::trusts, settings);
    }

    /**
     * No Micrometer observation of every security filter: it was a tenth of what the filter chain cost a request,
     * and HTTP requests are observed once, as a whole, already.
     */
    @Bean
    public SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Spring Security's firewall refuses requests whose path or headers hold what no honest client sends (an encoded
     * line break, a header value outside visible ASCII); they are bad input like any other: 400, as a problem.
     */
    @Bean
    public RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> ProblemResponses.write(response, ErrorCode.MALFORMED_REQUEST,
                "the request's path or headers hold characters this API refuses");
    }

    @Bean
    public TokenPrincipals tokenPrincipals(SecurityProperties settings, ObjectProvider<PrincipalStatus> status) {
        return new TokenPrincipals(settings, status.getIfAvailable(() -> PrincipalStatus.ALWAYS_ENABLED));
    }

    /** The last chain: it takes whatever the issuer's, the sign-in page's and the dashboards' chains did not. */
    @Bean
    @Order(4)
    public SecurityFilterChain api(HttpSecurity http, SecurityProperties settings, AccessPolicy policy,
                                   ObjectProvider<JwtDecoder> decoder, TokenPrincipals principals,
                                   RateLimits rateLimits) throws Exception {
        ProblemAuthenticationEntryPoint unauthenticated = new ProblemAuthenticationEntryPoint();
        ProblemAccessDeniedHandler denied = new ProblemAccessDeniedHandler();
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .addFilterAfter(new ActorFilter(), AuthorizationFilter.class)
                .addFilterAfter(rateLimits.filter(), BearerTokenAuthenticationFilter.class);
        if (!settings.enabled()) {
            log.warn("AUTHENTICATION IS OFF (mizani.security.enabled=false): every request may do everything. "
                    + "This exists only to measure what authentication costs.");
            http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
            return http.build();
        }
        http.oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(ignoredOnPublicPaths())
                        .jwt(jwt -> jwt.decoder(decoder.getObject()).jwtAuthenticationConverter(principals))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers("/actuator/**").hasAnyRole(
                                Role.OPERATOR.claimValue(), Role.AUDITOR.claimValue(), Role.ADMIN.claimValue())
                        .requestMatchers("/api/**").access(new PolicyAuthorization(policy))
                        .anyRequest().denyAll())
                .addFilterBefore(new ReplayableBody(), AuthorizationFilter.class);
        return http.build();
    }

    private static BearerTokenResolver ignoredOnPublicPaths() {
        BearerHeader bearer = new BearerHeader();
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher publicPaths = new OrRequestMatcher(Arrays.stream(TOKEN_IGNORED).map(paths::matcher)
                .map(RequestMatcher.class::cast).toList());
        return request -> publicPaths.matches(request) ? null : bearer.resolve(request);
    }
}
