package com.mizani.app.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.mizani.app.support.Api;
import com.mizani.app.support.PaymentTestSupport;
import com.mizani.providersim.Faults;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Mobile-money deposits through the real simulator: STK pushes we start, and C2B payments customers start. */
class DepositFlowTest extends PaymentTestSupport {

    @Test
    void anApprovedPushCreditsTheWallet() {
        String wallet = api.openWallet("KES");
        Api.Response accepted = stkDeposit(wallet, "750");
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.text("status")).isEqualTo("REQUESTED");
        JsonNode settled = awaitStatus(accepted.text("paymentId"), "SETTLED");
        assertThat(settled.path("receipt").asText()).isNotBlank();
        awaitBalance(wallet, "available", "750.00");
    }

    @Test
    void aCancelledPushEndsFailedAndCreditsNothing() {
        faults(Faults.NONE.withStkCancelRate(1.0));
        String wallet = api.openWallet("KES");
        String paymentId = stkDeposit(wallet, "750").text("paymentId");
        JsonNode failed = awaitStatus(paymentId, "FAILED");
        assertThat(failed.path("failureCode").asText()).isEqualTo("1032");
        awaitBalance(wallet, "available", "0.00");
    }

    @Test
    void aLostPushCallbackIsResolvedByTheStkQuery() {
        faults(Faults.NONE.withLostCallbackRate(1.0));
        String wallet = api.openWallet("KES");
        String paymentId = stkDeposit(wallet, "320").text("paymentId");
        JsonNode settled = awaitStatus(paymentId, "SETTLED");
        assertThat(timelineHas(settled, "PaymentConfirmed", "STATUS_QUERY")).isTrue();
        awaitBalance(wallet, "available", "320.00");
    }

    @Test
    void duplicatedPushCallbacksCreditOnce() {
        faults(Faults.NONE.withDuplicateCallbackRate(1.0));
        String wallet = api.openWallet("KES");
        String paymentId = stkDeposit(wallet, "410").text("paymentId");
        awaitStatus(paymentId, "SETTLED");
        await().untilAsserted(() -> assertThat(timelineCount(payment(paymentId), "ProviderResultIgnored")).isEqualTo(1));
        awaitBalance(wallet, "available", "410.00");
    }

    @Test
    void aPushToAWalletThatWouldRefuseIsNeverSent() {
        String wallet = api.openWallet("KES");
        api.post("/api/v1/wallets/" + wallet + "/freeze", "{}");
        Api.Response refused = stkDeposit(wallet, "100");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("WALLET_FROZEN");
    }

    @Test
    void payBillPaymentsCreditTheWalletTheReferenceNamesOnceEach() throws Exception {
        faults(Faults.NONE.withDuplicateCallbackRate(1.0));
        String wallet = api.openWallet("KES");
        payBill(wallet, 640);
        payBill(wallet, 60);
        awaitBalance(wallet, "available", "700.00");
    }

    @Test
    void aPayBillPaymentForNoWalletIsParkedThenCreditedWhereTheOperatorSays() throws Exception {
        long shillings = 1_000 + ThreadLocalRandom.current().nextInt(100_000);
        payBill("no-such-account", shillings);
        JsonNode parked = await().atMost(Duration.ofSeconds(30)).until(() -> parkedPayBill(shillings), found -> found != null);
        assertThat(parked.path("method").asText()).isEqualTo("MPESA_C2B");
        assertThat(parked.path("providerReference").asText()).as("the TransID").matches("[A-Z0-9]{6,}");

        String wallet = api.openWallet("KES");
        String paymentId = parked.path("paymentId").asText();
        Api.Response unknownWallet = proposeResolution(MAKER, paymentId, """
                {"outcome":"PAID","reason":"customer called","walletId":"%s"}""".formatted(UUID.randomUUID()));
        assertThat(unknownWallet.status()).as(unknownWallet.body()).isEqualTo(404);
        assertThat(unknownWallet.code()).isEqualTo("WALLET_NOT_FOUND");
        Api.Response proposed = proposeResolution(MAKER, paymentId, """
                {"outcome":"PAID","reason":"customer called: meant their wallet","walletId":"%s"}""".formatted(wallet));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(202);
        assertThat(proposed.json().path("pendingResolution").path("walletId").asText()).isEqualTo(wallet);

        // The wallet is frozen when the approval comes: the approver gets its refusal and the proposal still waits.
        assertThat(api.post("/api/v1/wallets/" + wallet + "/freeze", "{}").status()).isEqualTo(200);
        Api.Response refused = approveResolution(CHECKER, paymentId);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("WALLET_FROZEN");
        JsonNode stillPending = await().atMost(Duration.ofSeconds(10)).until(() -> payment(paymentId),
                view -> view.path("pendingResolution").path("walletId").asText().equals(wallet));
        assertThat(stillPending.path("status").asText()).isEqualTo("MANUAL_REVIEW");
        awaitBalance(wallet, "available", "0.00");

        assertThat(api.post("/api/v1/wallets/" + wallet + "/unfreeze", "{}").status()).isEqualTo(200);
        Api.Response approved = approveResolution(CHECKER, paymentId);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("SETTLED");
        assertThat(approved.text("walletId")).isEqualTo(wallet);
        awaitStatus(paymentId, "SETTLED");
        awaitBalance(wallet, "available", shillings + ".00");
    }

    private JsonNode parkedPayBill(long shillings) {
        JsonNode list = api.get("/api/v1/ops/payments?status=MANUAL_REVIEW&limit=200").json();
        return StreamSupport.stream(list.path("payments").spliterator(), false)
                .filter(p -> p.path("method").asText().equals("MPESA_C2B") && p.path("amount").asText().equals(shillings + ".00"))
                .findFirst().orElse(null);
    }
}
