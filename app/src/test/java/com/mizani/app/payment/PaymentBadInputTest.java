package com.mizani.app.payment;

import com.mizani.app.support.Api;
import com.mizani.app.support.Callbacks;
import com.mizani.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad callbacks and bad operator requests get a 4xx problem with a stable code, and change nothing. */
class PaymentBadInputTest extends IntegrationTest {

    @Test
    void aSignedButMalformedCallbackIsABadRequest() {
        String body = "{\"Result\": not json";
        Api.Response response = Callbacks.post(api, "/b2c/result", body, Callbacks.sign(body, Callbacks.SECRET));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.code()).isEqualTo("INVALID_CALLBACK");
    }

    @Test
    void aCallbackThatNamesNoPaymentOfOursIsABadRequest() {
        String body = Callbacks.b2cSuccess("not-a-payment-id", 100, "254708374149");
        Api.Response response = Callbacks.post(api, "/b2c/result", body, Callbacks.sign(body, Callbacks.SECRET));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("INVALID_CALLBACK");
    }

    @Test
    void aCallbackForAnUnknownPaymentIsNotFound() {
        String body = Callbacks.b2cSuccess(UUID.randomUUID().toString(), 100, "254708374149");
        Api.Response response = Callbacks.post(api, "/b2c/result", body, Callbacks.sign(body, Callbacks.SECRET));
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("PAYMENT_NOT_FOUND");
    }

    @Test
    void aC2bConfirmationWithoutAnAmountIsABadRequest() {
        String body = "{\"TransID\":\"RKTQDM7W6S\",\"BillRefNumber\":\"x\"}";
        Api.Response response = Callbacks.post(api, "/c2b/confirmation", body, Callbacks.sign(body, Callbacks.SECRET));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("INVALID_CALLBACK");
    }

    @Test
    void operatorRequestsNeedAnOutcomeAndAReason() {
        String payment = "/api/v1/ops/payments/" + UUID.randomUUID();
        Api jane = api.as("jane");
        assertThat(jane.post(payment + "/resolve", "{\"outcome\":\"MAYBE\",\"reason\":\"r\"}").code())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(jane.post(payment + "/resolve", "{\"outcome\":\"PAID\",\"reason\":\" \"}").code())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(jane.post(payment + "/resolve", "{\"outcome\":\"PAID\",\"reason\":\"%s\"}".formatted("r".repeat(501))).code())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(jane.post(payment + "/resolve", "{\"outcome\":\"PAID\",\"reason\":\"r\"}").code())
                .isEqualTo("PAYMENT_NOT_FOUND");
        assertThat(jane.post(payment + "/resolution/approve", "").code()).isEqualTo("PAYMENT_NOT_FOUND");
        assertThat(jane.post(payment + "/resolution/approve", "{\"proposalId\":\"nope\"}").code()).isEqualTo("INVALID_ID");
        assertThat(jane.post(payment + "/resolution/reject", "{\"reason\":\" \"}").code()).isEqualTo("VALIDATION_FAILED");
        assertThat(jane.post(payment + "/resolution/reject", "").code()).isEqualTo("MALFORMED_REQUEST");
        assertThat(jane.post(payment + "/resolution/reject", "{\"reason\":\"no\"}").code()).isEqualTo("PAYMENT_NOT_FOUND");
        assertThat(api.get("/api/v1/ops/payments?status=LOST&limit=5").code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/v1/ops/payments?status=FAILED&limit=0").code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void anStkDepositNeedsANumberAndWholeShillings() {
        String wallet = api.openWallet("KES");
        Api.Response noNumber = api.post("/api/v1/deposits", """
                {"walletId":"%s","amount":"10","currency":"KES","method":"MPESA_STK"}""".formatted(wallet),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(noNumber.status()).isEqualTo(400);
        assertThat(noNumber.code()).isEqualTo("VALIDATION_FAILED");
        Api.Response cents = api.post("/api/v1/deposits", """
                {"walletId":"%s","amount":"10.50","currency":"KES","method":"MPESA_STK","msisdn":"254708374149"}"""
                .formatted(wallet), "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(cents.code()).isEqualTo("INVALID_AMOUNT");
        Api.Response unknownMethod = api.post("/api/v1/deposits", """
                {"walletId":"%s","amount":"10","currency":"KES","method":"BITCOIN"}""".formatted(wallet),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(unknownMethod.code()).isEqualTo("VALIDATION_FAILED");
    }
}
