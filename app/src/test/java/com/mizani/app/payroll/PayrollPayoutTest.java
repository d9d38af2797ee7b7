package com.mizani.app.payroll;

import com.fasterxml.jackson.databind.JsonNode;
import com.mizani.app.support.Api;
import com.mizani.app.support.PaymentTestSupport;
import com.mizani.providersim.Faults;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A payroll job paying phones through the real simulator over HTTP, with failures and duplicated callbacks on: each
 * M-Pesa item is one payout of its own stable id, reserved with its fee from the job's reservation, and its item ends
 * as its payout did, with the provider's result code when it was not paid; the source pays exactly the settled items
 * and their fees, and the reservation is fully accounted for. The test fee is KES 15.
 */
class PayrollPayoutTest extends PaymentTestSupport {

    private static final int PHONE_ITEMS = 24;
    private static final int WALLET_ITEMS = 6;

    private Api approver() {
        return api.asClient("payroll-approver", List.of("approver"), null);
    }

    @Test
    void mpesaItemsArePaidByPayoutsAndEndAsTheirPayoutsDid() {
        faults(Faults.NONE.withFailureRate(0.5, 2001).withDuplicateCallbackRate(0.3));
        String source = fundedKesWallet("100000.00");
        String employee = api.openWallet("KES");
        List<String> items = new ArrayList<>();
        Map<String, Long> amountOf = new HashMap<>();
        for (int i = 0; i < PHONE_ITEMS + WALLET_ITEMS; i++) {
            long shillings = 100 + i;
            String reference = "EMP-" + i;
            amountOf.put(reference, shillings);
            items.add(i < PHONE_ITEMS
                    ? "{\"reference\":\"%s\",\"amount\":\"%d\",\"currency\":\"KES\",\"msisdn\":\"2547083741%02d\"}"
                    .formatted(reference, shillings, i)
                    : "{\"reference\":\"%s\",\"amount\":\"%d.00\",\"currency\":\"KES\",\"walletId\":\"%s\"}"
                    .formatted(reference, shillings, employee));
        }
        Api.Response created = api.post("/api/v1/payroll/jobs",
                "{\"sourceWalletId\":\"%s\",\"name\":\"Casual staff\",\"items\":[%s]}".formatted(source,
                        String.join(",", items)), "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.text("totalFees")).isEqualTo("%d.00".formatted(15 * PHONE_ITEMS));
        String jobId = created.text("jobId");

        Api.Response approved = approver().post("/api/v1/payroll/jobs/" + jobId + "/approve", "{}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        JsonNode done = await().atMost(Duration.ofSeconds(90)).until(
                () -> api.get("/api/v1/payroll/jobs/" + jobId).json(),
                job -> job.path("status").asText().startsWith("COMPLETED"));
        assertThat(done.path("processedItems").asInt()).isEqualTo(PHONE_ITEMS + WALLET_ITEMS);
        assertThat(done.path("processingItems").asInt()).isZero();
        assertThat(done.path("totalFees").asText()).isEqualTo("%d.00".formatted(15 * PHONE_ITEMS));

        long paidOut = 0;
        int failed = 0;
        JsonNode page = api.get("/api/v1/payroll/jobs/" + jobId + "/items?limit=500").json();
        assertThat(page.path("items")).hasSize(PHONE_ITEMS + WALLET_ITEMS);
        for (JsonNode item : page.path("items")) {
            String reference = item.path("reference").asText();
            long shillings = amountOf.get(reference);
            if (item.path("msisdn").isNull()) {
                assertThat(item.path("status").asText()).isEqualTo("COMPLETED");
                paidOut += shillings;
                continue;
            }
            JsonNode payment = payment(item.path("paymentId").asText());
            assertThat(payment.path("paymentId").asText()).as(reference + " is a payout").isNotEmpty();
            if (item.path("status").asText().equals("COMPLETED")) {
                assertThat(payment.path("status").asText()).as(reference).isEqualTo("SETTLED");
                assertThat(item.path("receipt").asText()).isEqualTo(payment.path("receipt").asText());
                paidOut += shillings + 15;
            } else {
                failed++;
                assertThat(item.path("status").asText()).as(reference).isEqualTo("FAILED");
                assertThat(payment.path("status").asText()).as(reference).isEqualTo("FAILED");
                assertThat(item.path("failureCode").asText()).isEqualTo("PAYOUT_FAILED");
                assertThat(item.path("providerResultCode").asText()).isEqualTo("2001");
                assertThat(item.path("failureReason").asText()).isNotBlank();
            }
        }
        assertThat(failed).as("with half the payouts failing, some failed and some settled")
                .isBetween(1, PHONE_ITEMS - 1);
        assertThat(done.path("failedItems").asInt()).isEqualTo(failed);
        assertThat(done.path("status").asText()).isEqualTo("COMPLETED_WITH_FAILURES");

        long spent = paidOut;
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode wallet = api.wallet(source);
            assertThat(wallet.path("held").asText()).as("the reservation is fully accounted for").isEqualTo("0.00");
            assertThat(wallet.path("available").asText()).isEqualTo("%d.00".formatted(100_000 - spent));
        });
    }

    @Test
    void anMpesaItemMustBeWholeShillings() {
        String source = fundedKesWallet("100.00");
        Api.Response refused = api.post("/api/v1/payroll/jobs", """
                {"sourceWalletId":"%s","name":"x","items":[
                {"reference":"A","amount":"10.50","currency":"KES","msisdn":"254708374149"}]}""".formatted(source),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("amount");
        assertThat(refused.json().path("errors").get(0).path("code").asText()).isEqualTo("INVALID_AMOUNT");
    }
}
