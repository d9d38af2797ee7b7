package com.mizani.app.reconciliation;

import com.fasterxml.jackson.databind.JsonNode;
import com.mizani.app.support.Api;
import com.mizani.app.support.Callbacks;
import com.mizani.app.support.PaymentTestSupport;
import com.mizani.kernel.payment.PaymentStatus;
import com.mizani.providersim.Faults;
import com.mizani.providersim.ResultCodes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A difference of the totals names the payouts behind it, against the embedded simulator misbehaving on purpose.
 * Each test ends with the books reconciled again: by an approved correction, or by the provider reversing what it
 * paid.
 */
class ReconciliationDifferencesTest extends PaymentTestSupport {

    @Autowired
    private ReconciliationWatchdog watchdog;

    @Test
    void aPayoutTheProviderPaidAfterItFailedIsNamedWithItsIncidentUntilTheCorrectionIsApproved() throws Exception {
        String wallet = fundedKesWallet("2000.00");
        faults(Faults.NONE.withContradictionRate(1.0).withContradictionDelayMs(2_000)
                .withFailureResultCode(ResultCodes.INITIATOR_INVALID));
        String paymentId = withdraw(wallet, "1000").text("paymentId");
        awaitStatus(paymentId, "FAILED");
        UUID incidentId = UUID.fromString(awaitOpenIncident(paymentId).path("incidentId").asText());

        ReconciliationReport report = await().atMost(Duration.ofSeconds(30)).until(watchdog::run,
                run -> run.differences().stream().anyMatch(difference -> incidentId.equals(difference.openIncidentId())));

        assertThat(report.outcome()).as("a difference an open incident names is known: pending, not silent")
                .isEqualTo(ReconciliationReport.Outcome.PENDING);
        assertThat(report.differenceMinor()).isEqualTo(100_000);
        assertThat(report.differenceCount()).isEqualTo(1);
        assertThat(report.openIncidents()).isGreaterThanOrEqualTo(1);
        assertThat(report.differences()).containsExactly(
                new PaymentDifference(PaymentDifference.Flow.PAYOUT, paymentId, PaymentStatus.FAILED, 0, 100_000,
                        100_000, false, incidentId));
        JsonNode latest = api.get("/api/v1/ops/reconciliation").json().path("latest");
        assertThat(latest.path("outcome").asText()).isEqualTo("PENDING");
        assertThat(latest.path("differenceCount").asLong()).isEqualTo(1);
        JsonNode named = latest.path("differences").get(0);
        assertThat(named.path("paymentId").asText()).isEqualTo(paymentId);
        assertThat(named.path("ourStatus").asText()).isEqualTo("FAILED");
        assertThat(named.path("ourAmountMinor").asLong()).isZero();
        assertThat(named.path("providerAmountMinor").asLong()).isEqualTo(100_000);
        assertThat(named.path("differenceMinor").asLong()).isEqualTo(100_000);
        assertThat(named.path("awaitingOutcome").asBoolean()).isFalse();
        assertThat(named.path("openIncidentId").asText()).isEqualTo(incidentId.toString());

        Api.Response approved = approveCorrection(CHECKER, paymentId);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> watchdog.run().outcome(),
                ReconciliationReport.Outcome.MATCHED::equals);
    }

    @Test
    void aContradictionWhoseMessageNeverCameIsAMismatchUntilReconciliationAsksTheProviderAgain() {
        String wallet = fundedKesWallet("2000.00");
        // Every callback of this payout is lost: its failure result, and its late success after the contradiction.
        faults(Faults.NONE.withContradictionRate(1.0).withContradictionDelayMs(6_000).withLostCallbackRate(1.0)
                .withFailureResultCode(ResultCodes.INITIATOR_INVALID));
        String paymentId = withdraw(wallet, "1000").text("paymentId");
        awaitStatus(paymentId, "SUBMITTED");
        faults(Faults.NONE);
        awaitStatus(paymentId, "FAILED");

        ReconciliationReport silent = await().atMost(Duration.ofSeconds(30)).until(watchdog::run,
                run -> run.differences().stream().anyMatch(difference -> difference.paymentId().equals(paymentId)));
        assertThat(silent.outcome()).as("nothing in Mizani accounts for it yet")
                .isEqualTo(ReconciliationReport.Outcome.MISMATCH);
        assertThat(silent.detail()).contains("asked the provider again about 1");

        JsonNode incident = awaitOpenIncident(paymentId);
        assertThat(incident.path("kind").asText()).isEqualTo("PAID_AFTER_FAILED");
        assertThat(incident.path("evidence").path("evidence").asText()).isEqualTo("STATUS_QUERY");
        assertThat(await().atMost(Duration.ofSeconds(30)).until(watchdog::run,
                run -> run.outcome() != ReconciliationReport.Outcome.MISMATCH).outcome())
                .isEqualTo(ReconciliationReport.Outcome.PENDING);
        Api.Response approved = approveCorrection(CHECKER, paymentId);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    }

    @Test
    void aPayBillPaymentWhoseConfirmationNeverCameIsNamedByItsTransIdUntilItArrives() throws Exception {
        String wallet = fundedKesWallet("10.00");
        faults(Faults.NONE.withLostCallbackRate(1.0));
        payBill(wallet, 25);
        faults(Faults.NONE);
        String transId = newestReceivedAtProvider().path("transId").asText();
        PaymentDifference lost = new PaymentDifference(PaymentDifference.Flow.DEPOSIT, transId, null, 0, 2_500, 2_500,
                false, null);

        ReconciliationReport report = await().atMost(Duration.ofSeconds(30)).until(watchdog::run,
                run -> run.differences().contains(lost));

        assertThat(report.outcome()).as("money the provider holds for a customer, and we know nothing of it")
                .isEqualTo(ReconciliationReport.Outcome.MISMATCH);

        // The provider sends the confirmation again (as Daraja may): recorded, credited, and the books agree.
        String confirmation = """
                {"TransactionType":"Pay Bill","TransID":"%s","TransTime":"20261201120000","TransAmount":"25.00",
                "BusinessShortCode":"600996","BillRefNumber":"%s","InvoiceNumber":"","OrgAccountBalance":"",
                "ThirdPartyTransID":"","MSISDN":"2547 ***** 149","FirstName":"John"}""".formatted(transId, wallet);
        Api.Response answered = Callbacks.post(api, "/c2b/confirmation", confirmation,
                Callbacks.sign(confirmation, Callbacks.SECRET));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        awaitBalance(wallet, "available", "35.00");
    }

    @Test
    void aPayoutInReviewIsListedAsAwaitingItsOutcomeAndTheDifferenceIsPending() throws Exception {
        String wallet = fundedKesWallet("2000.00");
        faults(Faults.NONE.withAmountMismatchRate(1.0));
        String paymentId = withdraw(wallet, "1000").text("paymentId");
        awaitStatus(paymentId, "MANUAL_REVIEW");

        ReconciliationReport report = watchdog.run();

        assertThat(report.outcome()).isEqualTo(ReconciliationReport.Outcome.PENDING);
        PaymentDifference inReview = report.differences().stream()
                .filter(difference -> difference.paymentId().equals(paymentId)).findFirst().orElseThrow();
        assertThat(inReview.ourStatus()).isEqualTo(PaymentStatus.MANUAL_REVIEW);
        assertThat(inReview.awaitingOutcome()).isTrue();
        assertThat(inReview.ourAmountMinor()).isZero();
        assertThat(inReview.providerAmountMinor()).isBetween(100_100L, 101_000L).isEqualTo(inReview.differenceMinor());

        faults(Faults.NONE);
        Api.Response resolved = resolveUnderFourEyes(paymentId,
                "{\"outcome\":\"NOT_PAID\",\"reason\":\"the provider paid another amount and reverses it\"}");
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        awaitStatus(paymentId, "FAILED");
        assertThat(reverseAtTheProvider(paymentId)).isEqualTo(200);
    }
}
