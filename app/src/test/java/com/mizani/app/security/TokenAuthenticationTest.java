package com.mizani.app.security;

import com.mizani.app.identity.SigningKeys;
import com.mizani.app.support.Api;
import com.mizani.app.support.IntegrationTest;
import com.mizani.app.support.Tokens;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bearer tokens against the real embedded issuer: what it issues works, and every way a token can be wrong is
 * refused with 401, {@code WWW-Authenticate} and its own code. Wrong tokens are made the way an attacker or a
 * misconfigured client would: with the issuer's real key but claims it never signs (expired, another issuer, another
 * audience), with another key, unsigned ({@code alg: none}), or HMAC-signed with the public key.
 */
class TokenAuthenticationTest extends IntegrationTest {

    private static final String PROTECTED = "/api/v1/ledger/verify";

    @Autowired
    private SigningKeys keys;

    @Value("${mizani.security.local-issuer}")
    private String issuer;

    @Test
    void aTokenOfTheIssuerIsAcceptedAndNoTokenIsRefused() {
        Api auditor = api.asClient("token-test-auditor", List.of("auditor"), null);
        assertThat(auditor.get(PROTECTED).status()).isEqualTo(200);

        Api.Response none = api.anonymous().get(PROTECTED);
        assertRefused(none, "AUTHENTICATION_REQUIRED");
        assertThat(header(PROTECTED, null)).startsWith("Bearer");
    }

    @Test
    void anExpiredTokenIsRefusedAsExpired() throws Exception {
        Instant past = Instant.now().minusSeconds(3600);
        assertRefused(withToken(signed(claims(issuer, "mizani").issueTime(Date.from(past))
                .expirationTime(Date.from(past.plusSeconds(900))).build())), "TOKEN_EXPIRED");
    }

    @Test
    void aTokenOfAnotherIssuerOrAudienceIsRefused() throws Exception {
        assertRefused(withToken(signed(claims("https://issuer.example", "mizani").build())), "TOKEN_ISSUER_INVALID");
        assertRefused(withToken(signed(claims(issuer, "another-api").build())), "TOKEN_AUDIENCE_INVALID");
        assertRefused(withToken(signed(claims(issuer, null).build())), "TOKEN_AUDIENCE_INVALID");
    }

    @Test
    void aForgedSignatureAnUnsignedTokenAndHmacWithThePublicKeyAreRefused() throws Exception {
        JWTClaimsSet valid = claims(issuer, "mizani").build();
        RSAKey forger = new RSAKeyGenerator(2048).keyID(signingKey().getKeyID()).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(forger.getKeyID()).build(), valid);
        forged.sign(new RSASSASigner(forger));
        assertRefused(withToken(forged.serialize()), "TOKEN_INVALID");

        assertRefused(withToken(new PlainJWT(valid).serialize()), "TOKEN_INVALID");
        // "alg": "none" with an empty signature, as attackers send it.
        String none = new PlainJWT(valid).serialize();
        assertRefused(withToken(none.endsWith(".") ? none : none + "."), "TOKEN_INVALID");

        SignedJWT confused = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(signingKey().getKeyID()).build(), valid);
        confused.sign(new MACSigner(signingKey().toRSAPublicKey().getEncoded()));
        assertRefused(withToken(confused.serialize()), "TOKEN_INVALID");

        assertRefused(withToken("not-a-token"), "TOKEN_INVALID");
        assertRefused(withToken(signed(valid) + "x"), "TOKEN_INVALID");
    }

    @Test
    void theIssuersOwnKeyWithRightClaimsIsAcceptedSoTheRefusalsAboveAreAboutWhatWasChanged() throws Exception {
        String clientId = Tokens.clientIdOf(port, "token-test-auditor", List.of("auditor"), null);
        JWTClaimsSet claims = claims(issuer, "mizani").subject(clientId).claim("client_id", clientId).build();
        assertThat(api.withToken(signed(claims)).get(PROTECTED).status()).isEqualTo(200);
    }

    @Test
    void aDisabledClientGetsNoTokenAndItsTokensStopWorking() {
        Map.Entry<String, String> client = Tokens.createClient(port, "token-test-disabled", List.of("auditor"), null);
        String token = Tokens.fetch(port, client.getKey(), client.getValue());
        assertThat(api.withToken(token).get(PROTECTED).status()).isEqualTo(200);

        assertThat(api.post("/api/v1/admin/clients/" + client.getKey() + "/disable", "").status()).isEqualTo(200);
        assertRefused(api.withToken(token).get(PROTECTED), "PRINCIPAL_DISABLED");
        assertThat(tokenEndpointStatus(client.getKey(), client.getValue())).isEqualTo(401);

        assertThat(api.post("/api/v1/admin/clients/" + client.getKey() + "/enable", "").status()).isEqualTo(200);
        assertThat(api.withToken(token).get(PROTECTED).status()).isEqualTo(200);
    }

    @Test
    void aRotatedSecretReplacesTheOldOneAtOnce() {
        Map.Entry<String, String> client = Tokens.createClient(port, "token-test-rotated", List.of("auditor"), null);
        Api.Response rotated = api.post("/api/v1/admin/clients/" + client.getKey() + "/rotate-secret", "");
        assertThat(rotated.status()).isEqualTo(200);
        String newSecret = rotated.text("clientSecret");
        assertThat(newSecret).isNotBlank().isNotEqualTo(client.getValue());

        assertThat(tokenEndpointStatus(client.getKey(), client.getValue())).isEqualTo(401);
        assertThat(api.withToken(Tokens.fetch(port, client.getKey(), newSecret)).get(PROTECTED).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/admin/clients/" + client.getKey()).body()).doesNotContain(newSecret);
    }

    @Test
    void aBadTokenDoesNotHideTheApiDescription() {
        HttpRequest.Builder docs = HttpRequest.newBuilder(api.uri("/v3/api-docs")).header("Authorization", "Bearer junk").GET();
        assertThat(api.send(docs).status()).isEqualTo(200);
    }

    private void assertRefused(Api.Response answer, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(401);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.code()).isEqualTo(code);
    }

    private Api.Response withToken(String token) {
        return api.withToken(token).get(PROTECTED);
    }

    private String header(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return java.net.http.HttpClient.newHttpClient().send(request.build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).headers().firstValue("WWW-Authenticate").orElse("");
        } catch (Exception failure) {
            throw new AssertionError(failure);
        }
    }

    private int tokenEndpointStatus(String clientId, String secret) {
        try {
            Tokens.fetch(port, clientId, secret);
            return 200;
        } catch (AssertionError refused) {
            return refused.getMessage().contains("answered 401") ? 401 : -1;
        }
    }

    /** Claims the issuer would sign for an auditor client, valid now, but for {@code issuer} and {@code audience}. */
    private static JWTClaimsSet.Builder claims(String issuer, String audience) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("token-test-" + UUID.randomUUID())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .claim("principal_type", "client")
                .claim("roles", List.of("auditor"));
        return audience == null ? claims : claims.audience(audience);
    }

    private String signed(JWTClaimsSet claims) throws JOSEException {
        RSAKey key = signingKey();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private RSAKey signingKey() {
        List<JWK> found = keys.get(new JWKSelector(new JWKMatcher.Builder().keyID(keys.signingKeyId()).build()), null);
        return found.get(0).toRSAKey();
    }
}
