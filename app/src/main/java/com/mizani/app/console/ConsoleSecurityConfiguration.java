package com.mizani.app.console;

import com.mizani.app.identity.ClientRegistry;
import com.mizani.app.identity.ConditionalOnEmbeddedIssuer;
import com.mizani.app.security.SecurityProperties;
import com.mizani.app.security.TokenPrincipals;
import com.mizani.app.web.PageHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.thymeleaf.TemplateEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboards' pages: a browser session, signed in through the token issuer (the embedded one in local mode, the
 * OIDC provider in production) with the authorization-code flow and PKCE. The session keeps the person's API token
 * on the server, never in a page, and every page reads and writes through the API with it ({@link ConsoleApi}), so
 * that the API's one policy decides what a person may see and do here too. Forms carry CSRF tokens; scripts and
 * styles come only from this origin.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnConsole
public class ConsoleSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ConsoleSecurityConfiguration.class);

    /**
     * {@code /login} is the embedded issuer's own chain's when there is one (it comes first); with an outside issuer
     * it is the console's page that sends people there ({@link OutsideSignInPage}).
     */
    static final String[] PATHS = {"/", "/app/**", "/ops", "/ops/**", "/console/**", "/webjars/**", "/favicon.ico",
            "/oauth2/authorization/**", "/login/oauth2/code/**", "/login"};

    /**
     * The console's sign-in lives in the session under a name of its own: the embedded issuer's sign-in page keeps
     * its own authentication in the same session, and neither may stand in for the other.
     */
    static final String FORM_REFUSED_PATH = "/app/form-refused";

    static final String SESSION_CONTEXT = "MIZANI_CONSOLE_SECURITY_CONTEXT";

    /** The person's tokens live in its session, and end with it. */
    @Bean
    OAuth2AuthorizedClientRepository consoleAuthorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    @Bean
    ConsoleApi consoleApi(OAuth2AuthorizedClientRepository consoleAuthorizedClients, JsonMapper json) {
        return new ConsoleApi(consoleAuthorizedClients, json);
    }

    @Bean
    LiveRelay liveRelay(ConsoleApi consoleApi, TemplateEngine templates, JsonMapper json) {
        return new LiveRelay(consoleApi, templates, json);
    }

    @Bean
    ConsoleClientRegistrations consoleClientRegistrations(SecurityProperties security, ConsoleProperties console) {
        return new ConsoleClientRegistrations(security, console);
    }

    @Bean
    @ConditionalOnEmbeddedIssuer
    EmbeddedConsoleClient embeddedConsoleClient(ClientRegistry clients, ConsoleProperties console,
                                                SecurityProperties security) {
        return new EmbeddedConsoleClient(clients, console, security);
    }

    @Bean
    @Order(3)
    public SecurityFilterChain console(HttpSecurity http, ConsoleClientRegistrations registrations,
                                       OAuth2AuthorizedClientRepository consoleAuthorizedClients, JwtDecoder decoder,
                                       TokenPrincipals principals) throws Exception {
        HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
        contexts.setSpringSecurityContextKey(SESSION_CONTEXT);
        http.securityMatcher(PATHS)
                .securityContext(context -> context.securityContextRepository(contexts))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/console/**", "/webjars/**", "/favicon.ico", "/login").permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login
                        .clientRegistrationRepository(registrations)
                        .withObjectPostProcessor(signInUnavailablePage())
                        .authorizedClientRepository(consoleAuthorizedClients)
                        .userInfoEndpoint(users -> users.oidcUserService(new ConsoleUsers(decoder, principals)))
                        // A sign-in the API would refuse (a disabled person, a token for another audience) ends the
                        // whole session, the issuer's sign-in too, so that someone else can sign in.
                        .failureHandler((request, response, refused) -> {
                            var session = request.getSession(false);
                            if (session != null) {
                                session.invalidate();
                            }
                            response.sendRedirect(request.getContextPath() + "/login?refused");
                        }))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(ConsoleClientRegistrations.SIGN_IN_PATH))
                        .accessDeniedHandler(deniedPage()))
                .logout(logout -> logout.logoutUrl("/app/logout").logoutSuccessUrl("/login?logout"))
                .headers(PageHeaders::apply);
        return http.build();
    }

    /**
     * The redirect to the provider fails when its discovery document cannot be read (it is read on the first sign-in,
     * so that the application starts while the provider is away): the person is told so on {@code /login}, rather
     * than answered a bare 500, and the next attempt reads it again.
     */
    private static ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter> signInUnavailablePage() {
        return new ObjectPostProcessor<>() {
            @Override
            public <F extends OAuth2AuthorizationRequestRedirectFilter> F postProcess(F filter) {
                filter.setAuthenticationFailureHandler((request, response, failed) -> {
                    log.warn("the sign-in could not start: {}", failed.toString());
                    response.sendRedirect(request.getContextPath() + "/login?unavailable");
                });
                return filter;
            }
        };
    }

    /** A form without this session's CSRF token is answered by a page that says so (ConsolePages#formRefused). */
    private static AccessDeniedHandler deniedPage() {
        AccessDeniedHandlerImpl handler = new AccessDeniedHandlerImpl();
        handler.setErrorPage(FORM_REFUSED_PATH);
        return handler;
    }
}
