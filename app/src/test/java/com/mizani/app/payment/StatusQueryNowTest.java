package com.mizani.app.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.mizani.app.support.Api;
import com.mizani.app.support.Callbacks;
import com.mizani.app.support.PaymentTestSupport;
import com.mizani.providersim.Faults;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An operator asks the provider about a payment now, through the real simulator. Amounts in KES; the fee is KES 15. */
class StatusQueryNowTest extends PaymentTestSupport {

    @Test
    void aQuestionAboutAPaymentInReviewBringsTheProvidersAnswerAsEvidenceAndMovesNothing() {
        String wallet = fundedKesWallet("1000.00");
        String paymentId = inReviewAfterAPaidPayout(wallet);

        Api.Response asked = askNow(MAKER, paymentId);
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        assertThat(asked.text("answer")).isEqualTo("CALLBACK");
        assertThat(asked.text("status")).isEqualTo("MANUAL_REVIEW");
        assertThat(asked.location()).endsWith("/api/v1/payments/" + paymentId);

        // The provider's answer, by callback, is in the timeline for whoever decides: it paid the 100 we asked for.
        JsonNode answered = await().atMost(Duration.ofSeconds(30)).until(() -> payment(paymentId),
                view -> timelineHas(view, "ProviderResultIgnored", "STATUS_QUERY PAID"));
        assertThat(timelineHas(answered, "PaymentStatusQueried", "asked by operations sent")).isTrue();
        assertThat(answered.path("status").asText()).isEqualTo("MANUAL_REVIEW");
        assertThat(wallet(wallet).path("held").asText()).as("a question moves nothing").isEqualTo("115.00");

        assertThat(resolveUnderFourEyes(paymentId, "{\"outcome\":\"PAID\",\"reason\":\"the status query says paid\"}")
                .text("status")).isEqualTo("SETTLED");
        awaitBalance(wallet, "available", "885.00");
    }

    @Test
    void aQuestionTheProviderDoesNotTakeIsRecordedAsNotSentAndAnswered503() {
        String wallet = fundedKesWallet("1000.00");
        String paymentId = inReviewAfterAPaidPayout(wallet);
        faults(Faults.NONE.withServerErrorRate(1.0));

        Api.Response refused = askNow(MAKER, paymentId);
        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.code()).isEqualTo("PROVIDER_UNAVAILABLE");
        await().atMost(Duration.ofSeconds(10)).until(() -> payment(paymentId),
                view -> timelineHas(view, "PaymentStatusQueried", "asked by operations could not be sent"));

        faults(Faults.NONE);
        resolveUnderFourEyes(paymentId, "{\"outcome\":\"PAID\",\"reason\":\"statement shows it\"}");
        awaitStatus(paymentId, "SETTLED");
    }

    @Test
    void onlyAnOpenPaymentTheProviderWasSentCanBeAskedAbout() {
        String wallet = fundedKesWallet("1000.00");
        String settled = withdraw(wallet, "50").text("paymentId");
        awaitStatus(settled, "SETTLED");
        Api.Response finalOne = askNow(MAKER, settled);
        assertThat(finalOne.status()).as(finalOne.body()).isEqualTo(409);
        assertThat(finalOne.code()).isEqualTo("STATUS_QUERY_NOT_POSSIBLE");
        assertThat(timelineCount(payment(settled), "PaymentStatusQueried")).as("nothing asked, nothing recorded")
                .isZero();

        Api.Response unknown = askNow(MAKER, UUID.randomUUID().toString());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("PAYMENT_NOT_FOUND");

        Api.Response badId = askNow(MAKER, "not-a-uuid");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.isProblem()).isTrue();
    }

    /** A payout the provider paid, whose result callback was lost and then contradicted by a wrong amount. */
    private String inReviewAfterAPaidPayout(String wallet) {
        faults(Faults.NONE.withLostCallbackRate(1.0));
        String paymentId = withdraw(wallet, "100").text("paymentId");
        // The provider has taken the payout (and will pay it) before the wrong callback comes.
        awaitStatus(paymentId, "SUBMITTED");
        String body = Callbacks.b2cSuccess(paymentId, 900, MSISDN);
        assertThat(Callbacks.post(api, "/b2c/result", body, Callbacks.sign(body, Callbacks.SECRET)).status())
                .isEqualTo(200);
        awaitStatus(paymentId, "MANUAL_REVIEW");
        faults(Faults.NONE);
        return paymentId;
    }

    private Api.Response askNow(String operator, String paymentId) {
        return api.as(operator).post("/api/v1/ops/payments/" + paymentId + "/status-query", "");
    }
}
