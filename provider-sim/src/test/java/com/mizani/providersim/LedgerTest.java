package com.mizani.providersim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class LedgerTest extends SimulatorTestBase {

    private static final String SHORT_CODE = "600638";

    @Test
    void keepsTotalsOfBothDirectionsAndFiltersByLimitAndDirection() throws Exception {
        startSimulator(config(42).withStartingFloat(5_000));
        String token = client.token();
        client.post(C2bEndpoints.REGISTER_PATH, token,
                SimulatorClient.c2bRegisterBody(SHORT_CODE, receiver.url(C2B_CONFIRMATION), receiver.url("/c2b/validation")));
        client.b2c(token, SimulatorClient.b2cBody("pay-1", 1000, MSISDN, b2cResultUrl()));
        client.stkPush(token, SimulatorClient.stkPushBody(300, MSISDN, stkCallbackUrl("dep-1")));
        client.b2c(token, SimulatorClient.b2cBody("pay-2", 9000, MSISDN, b2cResultUrl())); // more than the float: fails
        client.post(C2bEndpoints.SIMULATE_PATH, token, SimulatorClient.c2bSimulateBody(SHORT_CODE, 200, MSISDN, "wallet-1"));
        simulator.setFaults(Faults.NONE.withStkCancelRate(1.0));
        client.stkPush(token, SimulatorClient.stkPushBody(400, MSISDN, stkCallbackUrl("dep-2"))); // cancelled
        simulator.setFaults(Faults.NONE);
        client.b2c(token, SimulatorClient.b2cBody("pay-3", 500, MSISDN, b2cResultUrl()));

        JsonNode ledger = client.ledger();

        assertThat(ledger.path("paidCount").asLong()).isEqualTo(2);
        assertThat(ledger.path("paidTotalMinor").asLong()).isEqualTo(150_000);
        assertThat(ledger.path("receivedCount").asLong()).isEqualTo(2);
        assertThat(ledger.path("receivedTotalMinor").asLong()).isEqualTo(50_000);
        assertThat(ledger.path("balanceMinor").asLong()).isEqualTo(500_000 - 150_000 + 50_000);
        assertThat(ledger.path("balance").asText()).isEqualTo("4000.00");
        assertThat(ledger.path("failedCount").asLong()).isEqualTo(2);
        assertThat(ledger.path("recordCount").asLong()).isEqualTo(6);
        assertThat(ledger.path("limit").asInt()).isEqualTo(AdminEndpoints.DEFAULT_LIMIT);
        assertThat(column(ledger, "kind")).containsExactly("B2C", "STK", "B2C", "C2B", "STK", "B2C");
        assertThat(column(ledger, "status")).containsExactly("PAID", "RECEIVED", "FAILED", "RECEIVED", "CANCELLED", "PAID");
        assertThat(simulator.ledgerTotals()).isEqualTo(new LedgerTotals(2, 150_000, 2, 50_000, 400_000));

        JsonNode paid = client.get(AdminEndpoints.LEDGER_PATH + "?direction=PAID");
        assertThat(column(paid, "direction")).containsOnly("PAID").hasSize(3);
        assertThat(paid.path("matchingCount").asLong()).isEqualTo(3);
        assertThat(paid.path("receivedTotalMinor").asLong()).as("totals ignore the filter").isEqualTo(50_000);

        JsonNode newestReceived = client.get(AdminEndpoints.LEDGER_PATH + "?direction=received&limit=2");
        assertThat(column(newestReceived, "kind")).containsExactly("C2B", "STK");
        assertThat(newestReceived.path("matchingCount").asLong()).isEqualTo(3);

        JsonNode newestTwo = client.get(AdminEndpoints.LEDGER_PATH + "?limit=2");
        assertThat(column(newestTwo, "status")).containsExactly("CANCELLED", "PAID");

        JsonNode totalsOnly = client.get(AdminEndpoints.LEDGER_PATH + "?limit=0");
        assertThat(totalsOnly.path("records")).isEmpty();
        assertThat(totalsOnly.path("balanceMinor").asLong()).isEqualTo(400_000);

        for (String bad : List.of("?limit=10001", "?limit=-1", "?limit=lots", "?direction=SIDEWAYS")) {
            HttpResponse<String> refused = client.getResponse(AdminEndpoints.LEDGER_PATH + bad);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(SimulatorClient.json(refused).path("errorCode").asText()).as(bad).isEqualTo("400.002.02");
        }
        assertThat(client.getResponse(AdminEndpoints.LEDGER_PATH + "?limit=10000").statusCode()).isEqualTo(200);
    }

    @Test
    void findsATransactionByEachOfItsIds() throws Exception {
        startSimulator(Faults.NONE);
        String token = client.token();
        client.post(C2bEndpoints.REGISTER_PATH, token,
                SimulatorClient.c2bRegisterBody(SHORT_CODE, receiver.url(C2B_CONFIRMATION), receiver.url("/c2b/validation")));
        client.b2c(token, SimulatorClient.b2cBody("pay-x", 1000, MSISDN, b2cResultUrl()));
        String payoutReceipt = receiver.next(B2C_RESULT).parameter("TransactionReceipt").asText();
        String checkoutId = SimulatorClient.json(client.stkPush(token, SimulatorClient.stkPushBody(300, MSISDN, stkCallbackUrl("dep-x"))))
                .path("CheckoutRequestID").asText();
        String stkReceipt = receiver.next(stkCallbackPath("dep-x")).json().path("Body").path("stkCallback")
                .path("CallbackMetadata").path("Item").get(1).path("Value").asText();
        client.post(C2bEndpoints.SIMULATE_PATH, token, SimulatorClient.c2bSimulateBody(SHORT_CODE, 200, MSISDN, "wallet-x"));
        String transId = receiver.next(C2B_CONFIRMATION).json().path("TransID").asText();

        assertThat(transaction("pay-x").path("receipt").asText()).isEqualTo(payoutReceipt);
        assertThat(transaction(payoutReceipt).path("originatorConversationId").asText()).isEqualTo("pay-x");
        assertThat(transaction(checkoutId).path("receipt").asText()).isEqualTo(stkReceipt);
        assertThat(transaction(stkReceipt).path("checkoutRequestId").asText()).isEqualTo(checkoutId);
        assertThat(transaction(transId).path("kind").asText()).isEqualTo("C2B");
        JsonNode payout = transaction("pay-x");
        assertThat(payout.path("direction").asText()).isEqualTo("PAID");
        assertThat(payout.path("kind").asText()).isEqualTo("B2C");
        assertThat(payout.path("amountMinor").asLong()).isEqualTo(100_000);
        assertThat(payout.path("msisdn").asText()).isEqualTo(MSISDN);
        assertThat(payout.path("resultCode").asInt(-1)).isZero();
        assertThat(payout.path("time").asText()).isNotBlank();
        assertThat(payout.path("timesRequested").asInt()).isEqualTo(1);

        HttpResponse<String> unknown = client.getResponse(AdminEndpoints.TRANSACTIONS_PATH + "NOSUCHID00");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(SimulatorClient.json(unknown).path("errorCode").asText()).isEqualTo("404.001.01");
        assertThat(client.getResponse(AdminEndpoints.TRANSACTIONS_PATH).statusCode()).isEqualTo(404);
    }

    @Test
    void concurrentPayoutsAndDepositsKeepTheBooksConsistent() throws Exception {
        startSimulator(Faults.NONE);
        String token = client.token();
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            responses.add(client.postAsync(B2cPaymentEndpoint.PATH, token, SimulatorClient.b2cBody("load-" + i, 10 + i, MSISDN, b2cResultUrl())));
            responses.add(client.postAsync(StkPushEndpoint.PATH, token, SimulatorClient.stkPushBody(5, MSISDN, stkCallbackUrl("load-" + i))));
        }

        responses.forEach(response -> assertThat(response.join().statusCode()).isEqualTo(200));

        LedgerTotals totals = simulator.ledgerTotals();
        long paidMinor = 100L * (200 * 10 + 199 * 200 / 2);
        assertThat(totals).isEqualTo(new LedgerTotals(200, paidMinor, 200, 200 * 500, floatMinor() - paidMinor + 200 * 500));
        JsonNode ledger = client.ledger();
        assertThat(ledger.path("recordCount").asLong()).isEqualTo(400);
        assertThat(column(ledger, "receipt")).doesNotHaveDuplicates();
    }

    /** The ledger on its own, at the size a load test leaves behind: listing stays a short walk from the end. */
    @Test
    void aLedgerOfTwoHundredThousandRecordsListsItsNewestAndFindsAnyRecordDirectly() {
        Ledger ledger = new Ledger(SimulatorConfig.DEFAULT_STARTING_FLOAT, new Ids(1));
        java.net.URI url = java.net.URI.create("http://127.0.0.1:1/b2c/result");
        java.time.Instant now = java.time.Instant.parse("2024-07-19T09:00:00Z");
        for (int i = 0; i < 200_000; i++) {
            ledger.acceptPayout(new B2cRequest("bulk-" + i, "apiop", "BusinessPayment", 1, "600996", MSISDN, "", url, url, ""),
                    null, 0, now);
        }

        List<Ledger.Entry> newest = ledger.latest(LedgerRecord.Direction.PAID, AdminEndpoints.DEFAULT_LIMIT);

        assertThat(newest).hasSize(1_000);
        assertThat(((Payout) newest.getFirst().record()).originatorConversationId()).isEqualTo("bulk-199000");
        assertThat(((Payout) newest.getLast().record()).originatorConversationId()).isEqualTo("bulk-199999");
        assertThat(ledger.latest(LedgerRecord.Direction.RECEIVED, 10)).isEmpty();
        assertThat(ledger.latest(null, AdminEndpoints.MAX_LIMIT)).hasSize(10_000);
        assertThat(ledger.totals()).isEqualTo(new LedgerTotals(200_000, 20_000_000, 0, 0, floatMinor() - 20_000_000));
        Payout some = ledger.findPayoutByOriginatorId("bulk-123456").orElseThrow();
        assertThat(ledger.findByAnyId(some.receipt()).orElseThrow().record()).isEqualTo(some);
        assertThat(ledger.findPayoutByTransactionId(some.transactionId())).contains(some);
    }

    private JsonNode transaction(String id) throws Exception {
        HttpResponse<String> response = client.getResponse(AdminEndpoints.TRANSACTIONS_PATH + id);
        assertThat(response.statusCode()).as("lookup of %s", id).isEqualTo(200);
        return SimulatorClient.json(response);
    }

    private static List<String> column(JsonNode ledger, String field) {
        return StreamSupport.stream(ledger.path("records").spliterator(), false).map(row -> row.path(field).asText()).toList();
    }
}
