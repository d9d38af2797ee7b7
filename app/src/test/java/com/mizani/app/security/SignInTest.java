package com.mizani.app.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mizani.app.support.Api;
import com.mizani.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person signs in the way a browser does it: the authorization-code flow with PKCE against the embedded issuer,
 * through its login page (fields {@code username} and {@code password}), with a user and a client the admin API made.
 * The token then acts for {@code user:<name>} with the user's roles.
 */
class SignInTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private JdbcClient jdbc;
    private static final String REDIRECT = "http://localhost:9/signed-in";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    @Test
    void aUserSignsInWithPkceAndActsAsItself() throws Exception {
        String username = "jane-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "correct horse battery";
        assertThat(api.post("/api/v1/admin/users", """
                {"username":"%s","password":"%s","roles":["auditor"]}""".formatted(username, password)).status())
                .isEqualTo(201);
        JsonNode client = api.post("/api/v1/admin/clients", """
                {"name":"console","roles":["auditor"],"redirectUris":["%s"]}""".formatted(REDIRECT)).json();
        String clientId = client.path("clientId").asText();
        String secret = client.path("clientSecret").asText();

        Browser browser = new Browser();
        String verifier = randomVerifier();
        String authorize = "/oauth2/authorize?response_type=code&client_id=" + clientId + "&scope=openid&state=s1"
                + "&redirect_uri=" + encode(REDIRECT) + "&code_challenge=" + challenge(verifier)
                + "&code_challenge_method=S256";
        HttpResponse<String> toLogin = browser.get(authorize);
        assertThat(toLogin.statusCode()).isEqualTo(302);
        assertThat(toLogin.headers().firstValue("Location").orElseThrow()).endsWith("/login");

        HttpResponse<String> page = browser.get("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"username\"", "name=\"password\"");

        assertThat(browser.postForm("/login", "username=" + encode(username) + "&password=" + encode("wrong password!")
                + "&_csrf=" + csrf(page.body())).headers().firstValue("Location").orElseThrow()).contains("error");

        page = browser.get("/login");
        HttpResponse<String> signedIn = browser.postForm("/login", "username=" + encode(username) + "&password="
                + encode(password) + "&_csrf=" + csrf(page.body()));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        HttpResponse<String> code = browser.get(relative(signedIn.headers().firstValue("Location").orElseThrow()));
        String redirected = code.headers().firstValue("Location").orElseThrow();
        assertThat(redirected).startsWith(REDIRECT + "?code=").contains("state=s1");
        String authorizationCode = redirected.replaceAll(".*[?&]code=([^&]+).*", "$1");

        HttpResponse<String> wrongVerifier = tokenRequest(clientId, secret, authorizationCode, randomVerifier());
        assertThat(wrongVerifier.statusCode()).isEqualTo(400);

        // Another authorization request of the signed-in session gets a new code, redeemed with its own verifier.
        String secondVerifier = randomVerifier();
        HttpResponse<String> again = browser.get(authorize.replace(challenge(verifier), challenge(secondVerifier)));
        String secondCode = again.headers().firstValue("Location").orElseThrow().replaceAll(".*[?&]code=([^&]+).*", "$1");
        HttpResponse<String> token = tokenRequest(clientId, secret, secondCode, secondVerifier);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        String accessToken = JSON.readTree(token.body()).path("access_token").asText();

        Api asUser = api.withToken(accessToken);
        assertThat(asUser.get("/api/v1/ledger/verify").status()).isEqualTo(200);
        assertThat(asUser.get("/api/v1/admin/clients").status()).isEqualTo(403);
        String[] parts = accessToken.split("\\.");
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(claims.path("sub").asText()).isEqualTo(username);
        assertThat(claims.path("principal_type").asText()).isEqualTo("user");
        assertThat(claims.path("roles")).extracting(JsonNode::asText).containsExactly("auditor");
    }

    @Test
    void anAuthorizationRequestWithoutPkceIsRefused() throws Exception {
        JsonNode client = api.post("/api/v1/admin/clients", """
                {"name":"console-no-pkce","roles":["auditor"],"redirectUris":["%s"]}""".formatted(REDIRECT)).json();
        HttpResponse<String> answer = new Browser().get("/oauth2/authorize?response_type=code&client_id="
                + client.path("clientId").asText() + "&scope=openid&state=s&redirect_uri=" + encode(REDIRECT));
        assertThat(answer.headers().firstValue("Location").orElse("")).contains("error=invalid_request");
    }

    @Test
    void aPasswordIsStoredOnlyAsAnArgon2HashAndTooShortOnesAreRefused() {
        String username = "hashed-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "a password of some length";
        assertThat(api.post("/api/v1/admin/users", """
                {"username":"%s","password":"%s","roles":["auditor"]}""".formatted(username, password)).status())
                .isEqualTo(201);
        String stored = jdbc.sql("SELECT password_hash FROM security_user WHERE username = ?").param(username)
                .query(String.class).single();
        assertThat(stored).startsWith("{argon2@SpringSecurity_v5_8}$argon2id$").doesNotContain(password);
        assertThat(api.get("/api/v1/admin/users/" + username).body()).doesNotContain("argon2").doesNotContain(password);

        Api.Response shortOne = api.post("/api/v1/admin/users",
                "{\"username\":\"shorty\",\"password\":\"short\",\"roles\":[\"auditor\"]}");
        assertThat(shortOne.status()).isEqualTo(400);
        assertThat(shortOne.code()).isEqualTo("VALIDATION_FAILED");
    }

    private HttpResponse<String> tokenRequest(String clientId, String secret, String code, String verifier) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(api.uri("/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + code
                        + "&redirect_uri=" + encode(REDIRECT) + "&code_verifier=" + verifier))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A browser: keeps cookies, follows no redirect on its own, asks for HTML. */
    private final class Browser {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(api.uri(path)).header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postForm(String path, String form) throws Exception {
            return http.send(HttpRequest.newBuilder(api.uri(path)).header("Accept", "text/html")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private String relative(String location) {
        URI uri = URI.create(location);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static String csrf(String loginPage) {
        Matcher matcher = CSRF.matcher(loginPage);
        assertThat(matcher.find()).as("the login form carries a CSRF token").isTrue();
        return encode(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
    }

    private static String randomVerifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

}
