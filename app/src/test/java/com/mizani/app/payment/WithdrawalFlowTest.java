package com.mizani.app.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mizani.app.support.Api;
import com.mizani.app.support.Callbacks;
import com.mizani.app.support.PaymentTestSupport;
import com.mizani.providersim.Faults;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Payouts through the real simulator over HTTP, with its faults on. Amounts in KES; the test fee is KES 15. */
class WithdrawalFlowTest extends PaymentTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private MeterRegistry meters;

    /** The simulator's own record of a payout (by our payment id), or null when it has none. */
    private JsonNode providerRecord(String paymentId) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                simulator().baseUri().resolve("/simulator/transactions/" + paymentId)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    @Test
    void aPayoutReservesThenSettlesWithTheFee() throws Exception {
        String wallet = fundedKesWallet("5000.00");
        Api.Response accepted = withdraw(wallet, "1000");
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.location()).isEqualTo("/api/v1/payments/" + accepted.text("paymentId"));
        assertThat(accepted.text("fee")).isEqualTo("15.00");
        assertThat(accepted.text("msisdn")).isEqualTo("2547*****149");
        String paymentId = accepted.text("paymentId");

        JsonNode settled = awaitStatus(paymentId, "SETTLED");
        assertThat(settled.path("receipt").asText()).isNotBlank();
        assertThat(timelineCount(settled, "WithdrawalReserved")).isEqualTo(1);
        await().untilAsserted(() -> {
            JsonNode view = wallet(wallet);
            assertThat(view.path("available").asText()).isEqualTo("3985.00");
            assertThat(view.path("held").asText()).isEqualTo("0.00");
        });
        JsonNode postings = api.get("/api/v1/transactions/" + paymentId).json();
        assertThat(postings.toString()).contains("provider:mpesa:settlement:KES", "fees:KES");
        assertThat(providerRecord(paymentId).toString()).contains("100000");
    }

    @Test
    void insufficientFundsIsRefusedAtOnceAndHoldsNothing() {
        String wallet = fundedKesWallet("100.00");
        Api.Response refused = withdraw(wallet, "100");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(refused.json().path("paymentId").asText()).isNotBlank();
        awaitBalance(wallet, "held", "0.00");
    }

    @Test
    void badInputIsRefusedWithStableCodes() {
        String wallet = fundedKesWallet("100.00");
        assertThat(withdraw(UUID.randomUUID().toString(), wallet, "10.50", MSISDN).code()).isEqualTo("INVALID_AMOUNT");
        assertThat(withdraw(UUID.randomUUID().toString(), wallet, "10", "0712").code()).isEqualTo("INVALID_MSISDN");
        Api.Response usd = api.post("/api/v1/withdrawals", """
                {"walletId":"%s","amount":"10","currency":"USD","msisdn":"%s"}""".formatted(wallet, MSISDN),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(usd.status()).isEqualTo(422);
        assertThat(usd.code()).isEqualTo("CURRENCY_NOT_SUPPORTED");
        assertThat(api.get("/api/v1/payments/" + UUID.randomUUID()).code()).isEqualTo("PAYMENT_NOT_FOUND");
    }

    @Test
    void theSameKeyPaysOnceAndAnotherPayloadConflicts() throws Exception {
        String wallet = fundedKesWallet("1000.00");
        String key = UUID.randomUUID().toString();
        String paymentId = withdraw(key, wallet, "100", MSISDN).text("paymentId");
        Api.Response repeat = withdraw(key, wallet, "100", MSISDN);
        assertThat(repeat.status()).isEqualTo(202);
        assertThat(repeat.text("paymentId")).isEqualTo(paymentId);
        assertThat(withdraw(key, wallet, "200", MSISDN).code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        awaitStatus(paymentId, "SETTLED");
        assertThat(providerRecord(paymentId).path("timesRequested").asInt()).isEqualTo(1);
        awaitBalance(wallet, "available", "885.00");
    }

    @Test
    void duplicateCallbacksHaveOneEffect() {
        faults(Faults.NONE.withDuplicateCallbackRate(1.0));
        String wallet = fundedKesWallet("1000.00");
        String paymentId = withdraw(wallet, "200").text("paymentId");
        JsonNode settled = awaitStatus(paymentId, "SETTLED");
        await().untilAsserted(() -> assertThat(timelineCount(payment(paymentId), "ProviderResultIgnored")).isEqualTo(1));
        assertThat(timelineCount(settled, "PaymentConfirmed")).isEqualTo(1);
        awaitBalance(wallet, "available", "785.00");
    }

    @Test
    void resultCallbacksArrivingTogetherForOneWalletAreAppliedTogetherEachOnce() throws Exception {
        faults(Faults.NONE.withLostCallbackRate(1.0));
        String wallet = fundedKesWallet("10000.00");
        List<String> payouts = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            payouts.add(withdraw(wallet, "100").text("paymentId"));
        }
        payouts.forEach(paymentId -> awaitStatus(paymentId, "SUBMITTED"));
        double groupedBefore = groupSizes().totalAmount();

        // Each result twice, all at once: they queue for the wallet's lock together, as a payroll's do.
        List<Callable<Integer>> callbacks = new ArrayList<>();
        for (String paymentId : payouts) {
            String body = Callbacks.b2cSuccess(paymentId, 100, MSISDN);
            for (int copy = 0; copy < 2; copy++) {
                callbacks.add(() -> Callbacks.post(api, "/b2c/result", body, Callbacks.sign(body, Callbacks.SECRET)).status());
            }
        }
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Integer> answer : senders.invokeAll(callbacks)) {
                assertThat(answer.get()).isEqualTo(200);
            }
        }

        for (String paymentId : payouts) {
            JsonNode settled = awaitStatus(paymentId, "SETTLED");
            assertThat(timelineCount(settled, "PaymentConfirmed")).as(paymentId).isEqualTo(1);
        }
        awaitBalance(wallet, "available", "7240.00");
        awaitBalance(wallet, "held", "0.00");
        assertThat(groupSizes().max()).as("the most results applied in one transaction").isGreaterThan(1);
        assertThat(groupSizes().totalAmount() - groupedBefore).as("results applied").isGreaterThanOrEqualTo(48);
    }

    private DistributionSummary groupSizes() {
        return meters.get("mizani.callbacks.group.size").summary();
    }

    @Test
    void aLostCallbackIsResolvedByTheStatusQuery() {
        faults(Faults.NONE.withLostCallbackRate(1.0));
        String wallet = fundedKesWallet("1000.00");
        String paymentId = withdraw(wallet, "300").text("paymentId");
        awaitStatus(paymentId, "SUBMITTED");
        // The payout's result is lost; the status query's answer (a callback too) must get through.
        faults(Faults.NONE);
        JsonNode settled = awaitStatus(paymentId, "SETTLED");
        assertThat(timelineHas(settled, "PaymentConfirmed", "STATUS_QUERY")).isTrue();
        assertThat(timelineCount(settled, "PaymentStatusQueried")).isGreaterThanOrEqualTo(1);
        awaitBalance(wallet, "available", "685.00");
    }

    @Test
    void aTimedOutPayoutThatWasPaidIsAmbiguousThenSettled() throws Exception {
        // The provider pays, then holds the connection past our timeout and loses the callback.
        faults(Faults.NONE.withTimeoutRate(1.0).withTimeoutHoldMs(3000).withLostCallbackRate(1.0));
        String wallet = fundedKesWallet("1000.00");
        String paymentId = withdraw(wallet, "400").text("paymentId");
        awaitStatus(paymentId, "AMBIGUOUS");
        faults(Faults.NONE);
        JsonNode settled = awaitStatus(paymentId, "SETTLED");
        assertThat(timelineHas(settled, "PaymentConfirmed", "STATUS_QUERY")).isTrue();
        assertThat(providerRecord(paymentId).path("timesRequested").asInt()).isEqualTo(1);
        awaitBalance(wallet, "available", "585.00");
    }

    @Test
    void aPayoutThatNeverReachedTheProviderIsAmbiguousThenReleased() throws Exception {
        faults(Faults.NONE.withServerErrorRate(1.0));
        String wallet = fundedKesWallet("1000.00");
        String paymentId = withdraw(wallet, "500").text("paymentId");
        awaitStatus(paymentId, "AMBIGUOUS");
        awaitBalance(wallet, "held", "515.00");
        faults(Faults.NONE);
        JsonNode failed = awaitStatus(paymentId, "FAILED");
        assertThat(timelineHas(failed, "PaymentFailed", "STATUS_QUERY")).isTrue();
        // The first "no such payout" is not believed: only a second one in a row fails the payout.
        assertThat(timelineHas(failed, "ProviderResultIgnored", "not yet")).isTrue();
        await().untilAsserted(() -> {
            JsonNode view = wallet(wallet);
            assertThat(view.path("available").asText()).isEqualTo("1000.00");
            assertThat(view.path("held").asText()).isEqualTo("0.00");
        });
        assertThat(providerRecord(paymentId)).isNull();
    }

    @Test
    void aDefinitiveFailureReleasesTheReservation() {
        faults(Faults.NONE.withFailureRate(1.0, 2001));
        String wallet = fundedKesWallet("1000.00");
        String paymentId = withdraw(wallet, "100").text("paymentId");
        JsonNode failed = awaitStatus(paymentId, "FAILED");
        assertThat(failed.path("failureCode").asText()).isEqualTo("2001");
        await().untilAsserted(() -> assertThat(wallet(wallet).path("available").asText()).isEqualTo("1000.00"));
    }

    @Test
    void aLateCallbackAfterTheStatusQueryChangesNothing() {
        // The result callback comes after 8 s; the result wait (2 s) runs out first and the status query settles.
        faults(Faults.NONE.withLateCallbackMs(8000));
        String wallet = fundedKesWallet("1000.00");
        String paymentId = withdraw(wallet, "250").text("paymentId");
        awaitStatus(paymentId, "SUBMITTED", "SETTLED");
        faults(Faults.NONE);
        awaitStatus(paymentId, "SETTLED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(timelineHas(payment(paymentId), "ProviderResultIgnored", "already SETTLED")).isTrue());
        JsonNode after = payment(paymentId);
        assertThat(after.path("status").asText()).isEqualTo("SETTLED");
        assertThat(timelineCount(after, "PaymentConfirmed")).isEqualTo(1);
        awaitBalance(wallet, "available", "735.00");
    }

    @Test
    void unsignedOrForgedCallbacksAreRefusedAndMoveNothing() {
        faults(Faults.NONE.withLostCallbackRate(1.0));
        String wallet = fundedKesWallet("1000.00");
        String paymentId = withdraw(wallet, "100").text("paymentId");
        String body = Callbacks.b2cSuccess(paymentId, 100, MSISDN);

        Api.Response unsigned = Callbacks.post(api, "/b2c/result", body, null);
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(unsigned.isProblem()).isTrue();
        assertThat(unsigned.code()).isEqualTo("CALLBACK_SIGNATURE_INVALID");
        Api.Response forged = Callbacks.post(api, "/b2c/result", body, Callbacks.sign(body, "not-the-shared-secret"));
        assertThat(forged.status()).isEqualTo(401);
        Api.Response tampered = Callbacks.post(api, "/b2c/result", body.replace("100", "1"),
                Callbacks.sign(body, Callbacks.SECRET));
        assertThat(tampered.status()).isEqualTo(401);
        assertThat(timelineCount(payment(paymentId), "PaymentConfirmed")).isZero();

        faults(Faults.NONE);
        awaitStatus(paymentId, "SETTLED");
        awaitBalance(wallet, "available", "885.00");
    }

    @Test
    void anAmountMismatchGoesToReviewAndMovesNothingUntilAnOperatorDecides() {
        faults(Faults.NONE.withLostCallbackRate(1.0));
        String wallet = fundedKesWallet("1000.00");
        String paymentId = withdraw(wallet, "100").text("paymentId");
        // Correctly signed, but for 900 shillings instead of 100: never believed.
        String body = Callbacks.b2cSuccess(paymentId, 900, MSISDN);
        assertThat(Callbacks.post(api, "/b2c/result", body, Callbacks.sign(body, Callbacks.SECRET)).status()).isEqualTo(200);

        JsonNode review = awaitStatus(paymentId, "MANUAL_REVIEW");
        assertThat(timelineHas(review, "PaymentReviewRequired", "900.00")).isTrue();
        awaitBalance(wallet, "held", "115.00");
        assertThat(api.get("/api/v1/ops/payments?status=MANUAL_REVIEW&limit=200").body()).contains(paymentId);

        // One operator checks the provider's statement: it paid the 100 we asked for. That is only a proposal.
        Api.Response proposed = proposeResolution(MAKER, paymentId,
                "{\"outcome\":\"PAID\",\"reason\":\"statement line TESTRCPT01 shows KES 100\"}");
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(202);
        assertThat(proposed.location()).endsWith("/api/v1/payments/" + paymentId);
        assertThat(proposed.text("status")).isEqualTo("MANUAL_REVIEW");
        JsonNode pending = proposed.json().path("pendingResolution");
        assertThat(pending.path("outcome").asText()).isEqualTo("PAID");
        assertThat(pending.path("proposedBy").asText()).isEqualTo(api.principalOf(MAKER));
        String proposalId = pending.path("proposalId").asText();
        JsonNode waiting = await().atMost(Duration.ofSeconds(10)).until(() -> payment(paymentId),
                view -> view.path("pendingResolution").path("proposalId").asText().equals(proposalId));
        assertThat(waiting.path("status").asText()).isEqualTo("MANUAL_REVIEW");
        assertThat(waiting.path("pendingResolution").path("reason").asText()).isEqualTo("statement line TESTRCPT01 shows KES 100");
        assertThat(reviewListed(paymentId).path("pendingResolution").path("proposedBy").asText()).isEqualTo(api.principalOf(MAKER));
        assertThat(wallet(wallet).path("held").asText()).as("nothing moves on a proposal").isEqualTo("115.00");

        // A second proposal waits for the first to be decided; the proposer cannot decide its own.
        Api.Response second = proposeResolution(CHECKER, paymentId, "{\"outcome\":\"NOT_PAID\",\"reason\":\"guess\"}");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.code()).isEqualTo("PAYMENT_RESOLUTION_ALREADY_PROPOSED");
        Api.Response selfApproved = approveResolution(MAKER, paymentId);
        assertThat(selfApproved.status()).isEqualTo(403);
        assertThat(selfApproved.isProblem()).isTrue();
        assertThat(selfApproved.code()).isEqualTo("PROPOSER_CANNOT_DECIDE");
        assertThat(wallet(wallet).path("held").asText()).isEqualTo("115.00");

        // Another operator approves: the reservation is captured at once.
        Api.Response approved = approveResolution(CHECKER, paymentId);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("SETTLED");
        assertThat(approved.json().path("pendingResolution").isNull()).isTrue();
        JsonNode settled = awaitStatus(paymentId, "SETTLED");
        assertThat(timelineHas(settled, "PaymentResolutionProposed", api.principalOf(MAKER))).isTrue();
        assertThat(timelineHas(settled, "PaymentResolutionApproved",
                api.principalOf(CHECKER) + " approved the proposal of " + api.principalOf(MAKER))).isTrue();
        assertThat(timelineHas(settled, "PaymentReviewResolved", api.principalOf(MAKER))).isTrue();
        assertThat(settled.path("pendingResolution").isNull()).isTrue();
        awaitBalance(wallet, "available", "885.00");

        // The approver repeating itself gets the payment as it is; the money moved once.
        Api.Response repeated = approveResolution(CHECKER, paymentId);
        assertThat(repeated.status()).as(repeated.body()).isEqualTo(200);
        assertThat(repeated.text("status")).isEqualTo("SETTLED");
        JsonNode postings = api.get("/api/v1/transactions/" + paymentId).json();
        assertThat(postings.path("balanced").asBoolean()).isTrue();
        assertThat(postings.path("postings").findValuesAsText("kind")).containsExactlyInAnyOrder(
                "WITHDRAWAL", "WITHDRAWAL", "FEE", "FEE");
        assertThat(wallet(wallet).path("available").asText()).isEqualTo("885.00");
        assertThat(wallet(wallet).path("held").asText()).isEqualTo("0.00");
        Api.Response again = proposeResolution(MAKER, paymentId, "{\"outcome\":\"PAID\",\"reason\":\"again\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("PAYMENT_NOT_IN_REVIEW");
        Api.Response nothingPending = approveResolution("ops.third", paymentId);
        assertThat(nothingPending.status()).isEqualTo(409);
        assertThat(nothingPending.code()).isEqualTo("PAYMENT_RESOLUTION_NOT_PROPOSED");
    }

    private JsonNode reviewListed(String paymentId) {
        JsonNode list = api.get("/api/v1/ops/payments?status=MANUAL_REVIEW&limit=200").json();
        return StreamSupport.stream(list.path("payments").spliterator(), false)
                .filter(p -> p.path("paymentId").asText().equals(paymentId)).findFirst().orElseThrow();
    }

    @Test
    void unansweredStatusQueriesEndInManualReview() {
        // Every call fails with a server error: the payout is ambiguous and no status query gets through.
        faults(Faults.NONE.withServerErrorRate(1.0));
        String wallet = fundedKesWallet("1000.00");
        String paymentId = withdraw(wallet, "100").text("paymentId");
        JsonNode review = awaitStatus(paymentId, "MANUAL_REVIEW");
        assertThat(timelineCount(review, "PaymentStatusQueried")).isEqualTo(4);
        faults(Faults.NONE);

        // A first proposal is rejected by another operator: nothing moves, and the payment waits for a new one.
        assertThat(proposeResolution(MAKER, paymentId, "{\"outcome\":\"PAID\",\"reason\":\"looks paid\"}").status())
                .isEqualTo(202);
        Api.Response rejected = rejectResolution(CHECKER, paymentId, "the statement does not show it");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.text("status")).isEqualTo("MANUAL_REVIEW");
        assertThat(rejected.json().path("pendingResolution").isNull()).isTrue();
        assertThat(approveResolution(CHECKER, paymentId).code()).isEqualTo("PAYMENT_RESOLUTION_NOT_PROPOSED");
        assertThat(wallet(wallet).path("held").asText()).isEqualTo("115.00");

        // The other operator proposes this time, and the first one approves: the reservation is released, once.
        assertThat(proposeResolution(CHECKER, paymentId,
                "{\"outcome\":\"NOT_PAID\",\"reason\":\"no such payout on the provider's statement\"}").status())
                .isEqualTo(202);
        Api.Response approved = approveResolution(MAKER, paymentId);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("FAILED");
        JsonNode failed = awaitStatus(paymentId, "FAILED");
        assertThat(timelineHas(failed, "PaymentResolutionRejected",
                api.principalOf(CHECKER) + " rejected the proposal of " + api.principalOf(MAKER))).isTrue();
        assertThat(timelineHas(failed, "PaymentResolutionApproved",
                api.principalOf(MAKER) + " approved the proposal of " + api.principalOf(CHECKER))).isTrue();
        await().untilAsserted(() -> assertThat(wallet(wallet).path("available").asText()).isEqualTo("1000.00"));
        assertThat(wallet(wallet).path("held").asText()).isEqualTo("0.00");
    }
}
