package com.mizani.app.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.mizani.app.support.Api;
import com.mizani.app.support.PaymentTestSupport;
import com.mizani.providersim.Faults;
import com.mizani.providersim.ResultCodes;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The provider contradicting itself, through the real simulator: each case opens an incident with the system's
 * proposal, and the books reconcile again only once another principal approved a correction (the after-each check of
 * {@link PaymentTestSupport}). The shared application runs with a settle window of 0, so an early "not found"
 * fails a payout as soon as two agree: the delayed settlement here comes after the window.
 */
class IncidentFlowTest extends PaymentTestSupport {

    private static Faults paidAfterItsFailure(long delayMs) {
        return Faults.NONE.withContradictionRate(1.0).withContradictionDelayMs(delayMs)
                .withFailureResultCode(ResultCodes.INITIATOR_INVALID);
    }

    @Test
    void paidAfterFailedIsAnIncidentWhoseApprovedDebitTakesTheMoneyBackFromTheWallet() {
        String wallet = fundedKesWallet("2000.00");
        faults(paidAfterItsFailure(1_000));
        String paymentId = withdraw(wallet, "1000").text("paymentId");
        awaitStatus(paymentId, "FAILED");
        awaitBalance(wallet, "available", "2000.00");

        JsonNode incident = awaitOpenIncident(paymentId);
        assertThat(incident.path("kind").asText()).isEqualTo("PAID_AFTER_FAILED");
        assertThat(incident.path("difference").asText()).isEqualTo("1000.00");
        assertThat(incident.path("evidence").path("outcome").asText()).isEqualTo("PAID");
        assertThat(incident.path("history").findValuesAsText("event")).contains("WithdrawalReserved", "PaymentFailed");
        assertThat(incident.path("pendingCorrection").path("action").asText()).isEqualTo("DEBIT_WALLET");
        assertThat(incident.path("pendingCorrection").path("proposedBy").asText()).isEqualTo("system");
        assertThat(wallet(wallet).path("available").asText()).as("nothing moves before an approval").isEqualTo("2000.00");

        Api.Response approved = approveCorrection(CHECKER, paymentId);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("RESOLVED");
        awaitBalance(wallet, "available", "1000.00");
        assertThat(payment(paymentId).path("status").asText()).as("the payment keeps its final status").isEqualTo("FAILED");
        await().untilAsserted(() -> {
            JsonNode resolved = incident(incident.path("incidentId").asText());
            assertThat(resolved.path("status").asText()).isEqualTo("RESOLVED");
            assertThat(resolved.path("resolution").path("approvedBy").asText()).isEqualTo(api.principalOf(CHECKER));
        });
        await().untilAsserted(() -> {
            JsonNode postings = api.get("/api/v1/transactions/" + paymentId).json();
            assertThat(postings.toString()).contains("CORRECTION", "provider:mpesa:settlement:KES");
            assertThat(postings.path("balanced").asBoolean()).isTrue();
        });
        await().untilAsserted(() -> assertThat(api.get("/api/v1/audit/payments/" + paymentId).body())
                .contains("PaymentContradicted", "IncidentCorrectionProposed", "IncidentResolved"));
    }

    @Test
    void aCustomerWhoSpentTheMoneyOwesItAsAReceivableAfterARejectionAndAnOperatorsProposal() {
        String wallet = fundedKesWallet("1000.00");
        String elsewhere = api.openWallet("KES");
        faults(paidAfterItsFailure(3_000));
        String paymentId = withdraw(wallet, "500").text("paymentId");
        awaitStatus(paymentId, "FAILED");
        // The customer spends the released money before the provider pays after all.
        assertThat(api.transfer(UUID.randomUUID().toString(), wallet, elsewhere, "1000.00", "KES").status())
                .isEqualTo(201);

        JsonNode incident = awaitOpenIncident(paymentId);
        assertThat(incident.path("pendingCorrection").path("action").asText()).isEqualTo("BOOK_RECEIVABLE");
        Api.Response rejected = rejectCorrection(CHECKER, paymentId, "ask the provider first");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().path("pendingCorrection").isNull()).isTrue();
        assertThat(approveCorrection(CHECKER, paymentId).code()).isEqualTo("INCIDENT_CORRECTION_NOT_PROPOSED");

        assertThat(proposeCorrection(MAKER, paymentId, "CREDIT_WALLET", "wrong way").code())
                .isEqualTo("VALIDATION_FAILED");
        Api.Response proposed = proposeCorrection(MAKER, paymentId, "BOOK_RECEIVABLE", "provider statement line 7");
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(202);
        assertThat(approveCorrection(MAKER, paymentId).code()).isEqualTo("PROPOSER_CANNOT_DECIDE");
        Api.Response approved = approveCorrection(CHECKER, paymentId);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approveCorrection(CHECKER, paymentId).status()).as("a repeated approval").isEqualTo(200);

        await().untilAsserted(() -> {
            JsonNode postings = api.get("/api/v1/transactions/" + paymentId).json();
            assertThat(postings.toString()).contains("receivable:KES", "provider:mpesa:settlement:KES");
            assertThat(postings.path("balanced").asBoolean()).isTrue();
        });
        awaitBalance(wallet, "available", "0.00");
    }

    @Test
    void aReversalOfASettledPayoutIsAnIncidentWhoseApprovedCreditGivesTheWalletItsMoneyBack() throws Exception {
        String wallet = fundedKesWallet("1000.00");
        String paymentId = withdraw(wallet, "300").text("paymentId");
        awaitStatus(paymentId, "SETTLED");
        awaitBalance(wallet, "available", "685.00");

        assertThat(reverseAtTheProvider(paymentId)).isEqualTo(200);

        JsonNode incident = awaitOpenIncident(paymentId);
        assertThat(incident.path("kind").asText()).isEqualTo("NOT_PAID_AFTER_SETTLED");
        assertThat(incident.path("pendingCorrection").path("action").asText()).isEqualTo("CREDIT_WALLET");
        assertThat(incident.path("pendingCorrection").path("amount").asText()).isEqualTo("300.00");
        Api.Response approved = approveCorrection(CHECKER, paymentId);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        awaitBalance(wallet, "available", "985.00");
        assertThat(payment(paymentId).path("status").asText()).isEqualTo("SETTLED");
    }

    @Test
    void aSettlementLaterThanTheWindowFailsThePayoutAndItsLatePaymentIsAnIncident() {
        String wallet = fundedKesWallet("1000.00");
        faults(Faults.NONE.withDelayedSettlementRate(1.0).withSettlementDelayMs(9_000));
        String paymentId = withdraw(wallet, "200").text("paymentId");

        JsonNode failed = awaitStatus(paymentId, "FAILED");
        assertThat(timelineHas(failed, "ProviderResultIgnored", "not yet")).as("the first not-found is not believed")
                .isTrue();
        JsonNode incident = awaitOpenIncident(paymentId);
        assertThat(incident.path("kind").asText()).isEqualTo("PAID_AFTER_FAILED");
        assertThat(incident.path("pendingCorrection").path("action").asText()).isEqualTo("DEBIT_WALLET");
        Api.Response approved = approveCorrection(CHECKER, paymentId);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        awaitBalance(wallet, "available", "800.00");
    }
}
