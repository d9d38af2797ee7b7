package com.mizani.app.security;

import com.mizani.app.support.Api;
import com.mizani.app.support.Callbacks;
import com.mizani.app.support.PaymentTestSupport;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Provider callbacks never carry a bearer token: they prove themselves by the HMAC of their body (and their source
 * address). A token neither lets an unsigned callback in nor keeps a signed one out.
 */
class CallbackAuthenticationTest extends PaymentTestSupport {

    @Test
    void aSignedCallbackWorksWithoutAToken() {
        String wallet = fundedKesWallet("500.00");
        String paymentId = withdraw(wallet, "100").text("paymentId");
        awaitStatus(paymentId, "SETTLED");
        // A repeated, correctly signed result: accepted (200) and ignored; no token was sent.
        String body = Callbacks.b2cSuccess(paymentId, 100, MSISDN);
        assertThat(Callbacks.post(api, "/b2c/result", body, Callbacks.sign(body, Callbacks.SECRET)).status()).isEqualTo(200);
    }

    @Test
    void anUnsignedOrWronglySignedCallbackIsRefusedEvenWithAValidToken() {
        String body = Callbacks.b2cSuccess(UUID.randomUUID().toString(), 100, MSISDN);
        for (String signature : new String[]{null, Callbacks.sign(body, "not-the-secret")}) {
            HttpRequest.Builder request = HttpRequest.newBuilder(api.uri("/api/v1/providers/mpesa/b2c/result"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (signature != null) {
                request.header("X-Mizani-Signature", signature);
            }
            Api.Response answer = api.send(request);
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.code()).isEqualTo("CALLBACK_SIGNATURE_INVALID");
        }
    }

    @Test
    void aGarbageTokenDoesNotKeepASignedCallbackOut() {
        String body = Callbacks.b2cSuccess(UUID.randomUUID().toString(), 100, MSISDN);
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri("/api/v1/providers/mpesa/b2c/result"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer garbage")
                .header("X-Mizani-Signature", Callbacks.sign(body, Callbacks.SECRET))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        Api.Response answer = api.send(request);
        // Admitted (the token is not even read), then refused for what it says: it names no payment we know.
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.code()).isEqualTo("PAYMENT_NOT_FOUND");
    }
}
