package com.mizani.app.console;

import com.mizani.app.identity.ClientRegistry;
import com.mizani.app.support.Api;
import com.mizani.app.support.IntegrationTest;
import com.mizani.app.support.Tokens;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboards with an outside OIDC provider, as in production: the provider here is a second Mizani, whose
 * embedded issuer is, for the console's Mizani, just an issuer at a URL with a discovery document. The two are on
 * different host names (localhost and 127.0.0.1), so that the browser keeps their session cookies apart as it would
 * for two real hosts.
 */
class OutsideIssuerSignInTest {

    private static final Duration LIVE = Duration.ofSeconds(30);
    private static final String CLIENT = "outside-console";
    private static final String PASSWORD = "a long enough password";

    @Test
    void peopleSignInAtTheProviderAndThePagesAndTheApiTakeItsTokens() {
        int providerPort = freePort();
        String issuer = "http://localhost:" + providerPort;
        try (ConfigurableApplicationContext console = IntegrationTest.startApplication(
                "mizani.data-dir=" + IntegrationTest.temporaryDataDir(), "mizani.security.issuer-uri=" + issuer,
                "mizani.console.client-id=" + CLIENT)) {
            int consolePort = IntegrationTest.portOf(console);
            String consoleBase = "http://127.0.0.1:" + consolePort;
            try (Chromium browser = Chromium.open(consoleBase, 1280, 900)) {
                // The provider is away: the application started anyway, and the sign-in says what is wrong.
                browser.go("/");
                browser.waiting(LIVE).until(d -> d.getCurrentUrl().endsWith("/login?unavailable"));
                assertThat(browser.text("main")).contains("cannot be reached");
                assertThat(browser.all("#password")).as("no password is typed here").isEmpty();

                try (ConfigurableApplicationContext provider = IntegrationTest.startApplication(
                        "mizani.data-dir=" + IntegrationTest.temporaryDataDir(), "server.port=" + providerPort)) {
                    provider.getBean(ClientRegistry.class).ensurePublicSignInClient(CLIENT, "An outside console",
                            List.of(consoleBase + "/login/oauth2/code/mizani"), "test");
                    String owner = UUID.randomUUID().toString();
                    String username = "outside-" + owner.substring(0, 8);
                    assertThat(new Api(providerPort).post("/api/v1/admin/users", """
                            {"username":"%s","password":"%s","roles":["customer"],"ownerId":"%s"}"""
                            .formatted(username, PASSWORD, owner)).status()).isEqualTo(201);
                    // The console's API takes the provider's tokens: a client of the provider opens and funds a wallet.
                    Api service = new Api(consolePort, Tokens.client(providerPort, "outside-service",
                            List.of("service", "teller"), null));
                    Api.Response opened = service.post("/api/v1/wallets", """
                            {"ownerId":"%s","currency":"KES"}""".formatted(owner));
                    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
                    assertThat(service.deposit(opened.text("walletId"), "250.00", "KES").status()).isEqualTo(201);

                    // The person signs in at the provider first. (A provider's own sign-in page decides where its
                    // form may lead; this one's content security policy, form-action 'self', keeps the browser
                    // from following the form's redirects to another origin, as a provider's page of its own
                    // would not.) The console's link then passes through the provider's session.
                    browser.driver().get(issuer + "/login");
                    browser.type("#username", username);
                    browser.type("#password", PASSWORD);
                    browser.find("form button[type=submit]").click();
                    browser.waiting(LIVE).until(d -> !d.getCurrentUrl().contains("/login"));
                    browser.go("/login");
                    browser.find("#sign-in").click();
                    browser.waiting(LIVE).withMessage(() -> "at " + browser.driver().getCurrentUrl())
                            .until(d -> d.getCurrentUrl().equals(consoleBase + "/")
                                    || d.getCurrentUrl().equals(consoleBase + "/?continue"));
                    assertThat(browser.all(".wallet-row .available")).extracting(WebElement::getText)
                            .containsExactly("250.00");

                    browser.find("form.signout button").click();
                    browser.waiting(LIVE).until(d -> d.getCurrentUrl().endsWith("/login?logout"));
                    assertThat(browser.text("main")).contains("You have signed out.");
                    assertThat(browser.all("#sign-in")).isNotEmpty();
                }
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
