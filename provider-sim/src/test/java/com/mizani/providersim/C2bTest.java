package com.mizani.providersim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class C2bTest extends SimulatorTestBase {

    private static final String SHORT_CODE = "600638";

    private String token;

    @BeforeEach
    void start() throws Exception {
        startSimulator(Faults.NONE);
        token = client.token();
    }

    @Test
    void theReceivedPaymentsAreListedByTheirTransIdWithWhatTheyBroughtIn() throws Exception {
        register(SHORT_CODE);
        client.post(C2bEndpoints.SIMULATE_PATH, token, SimulatorClient.c2bSimulateBody(SHORT_CODE, 250, MSISDN, "w-1"));
        client.post(C2bEndpoints.SIMULATE_PATH, token, SimulatorClient.c2bSimulateBody(SHORT_CODE, 40, MSISDN, "w-2"));
        List<String> transIds = List.of(receiver.next(C2B_CONFIRMATION).json().path("TransID").asText(),
                receiver.next(C2B_CONFIRMATION).json().path("TransID").asText());

        List<ReceivedLine> received = simulator.received(0, 10);

        assertThat(received).extracting(ReceivedLine::reference).containsExactlyInAnyOrderElementsOf(transIds);
        assertThat(received).extracting(ReceivedLine::amountReceivedMinor).containsExactlyInAnyOrder(25_000L, 4_000L);
        assertThat(simulator.received(received.getFirst().sequence(), 10)).hasSize(1);
    }

    @Test
    void aRegisteredShortCodeReceivesPaymentsAndConfirmsThemSignedInTheDarajaShape() throws Exception {
        HttpResponse<String> registered = register(SHORT_CODE);

        assertThat(registered.statusCode()).isEqualTo(200);
        JsonNode registration = SimulatorClient.json(registered);
        assertThat(registration.path("OriginatorCoversationID").asText()).isNotBlank();
        assertThat(registration.path("ResponseCode").asText()).isEqualTo("0");
        assertThat(registration.path("ResponseDescription").asText()).isEqualTo("Success");

        HttpResponse<String> simulated = client.post(C2bEndpoints.SIMULATE_PATH, token,
                SimulatorClient.c2bSimulateBody(SHORT_CODE, 250, "254708374126", "wallet-7"));

        assertThat(simulated.statusCode()).isEqualTo(200);
        JsonNode ack = SimulatorClient.json(simulated);
        assertThat(ack.path("OriginatorCoversationID").asText()).isNotBlank();
        assertThat(ack.path("ResponseCode").asText()).isEqualTo("0");
        assertThat(ack.path("ResponseDescription").asText()).isEqualTo("Accept the service request successfully.");
        CallbackReceiver.Received callback = receiver.next(C2B_CONFIRMATION);
        assertThat(CallbackSignature.verify(SimulatorClient.CALLBACK_SECRET, callback.body(), callback.signature())).isTrue();
        JsonNode confirmation = callback.json();
        List<String> fields = new ArrayList<>();
        confirmation.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("TransactionType", "TransID", "TransTime", "TransAmount", "BusinessShortCode",
                "BillRefNumber", "InvoiceNumber", "OrgAccountBalance", "ThirdPartyTransID", "MSISDN", "FirstName");
        confirmation.forEach(value -> assertThat(value.isTextual()).as("every value is a string").isTrue());
        assertThat(confirmation.path("TransactionType").asText()).isEqualTo("Pay Bill");
        String transId = confirmation.path("TransID").asText();
        assertThat(transId).matches("[A-Z0-9]{10}");
        assertThat(confirmation.path("TransTime").asText()).matches("20\\d{12}");
        assertThat(confirmation.path("TransAmount").asText()).isEqualTo("250");
        assertThat(confirmation.path("BusinessShortCode").asText()).isEqualTo(SHORT_CODE);
        assertThat(confirmation.path("BillRefNumber").asText()).isEqualTo("wallet-7");
        assertThat(confirmation.path("InvoiceNumber").asText()).isEmpty();
        assertThat(confirmation.path("OrgAccountBalance").asText()).isEqualTo(SimulatorConfig.DEFAULT_STARTING_FLOAT + 250 + ".00");
        assertThat(confirmation.path("ThirdPartyTransID").asText()).isEmpty();
        assertThat(confirmation.path("MSISDN").asText()).isEqualTo("2547 ***** 126");
        assertThat(confirmation.path("FirstName").asText()).isNotBlank();

        assertThat(simulator.ledgerTotals()).isEqualTo(new LedgerTotals(0, 0, 1, 25_000, floatMinor() + 25_000));
        JsonNode record = client.get(AdminEndpoints.TRANSACTIONS_PATH + transId);
        assertThat(record.path("direction").asText()).isEqualTo("RECEIVED");
        assertThat(record.path("kind").asText()).isEqualTo("C2B");
        assertThat(record.path("status").asText()).isEqualTo("RECEIVED");
        assertThat(record.path("transId").asText()).isEqualTo(transId);
        assertThat(record.path("receipt").asText()).isEqualTo(transId);
        assertThat(record.path("billRefNumber").asText()).isEqualTo("wallet-7");
        assertThat(record.path("msisdn").asText()).isEqualTo("254708374126");
        assertThat(record.path("amountMinor").asLong()).isEqualTo(25_000);
    }

    @Test
    void everySimulatedPaymentIsANewPaymentWithItsOwnTransId() throws Exception {
        register(SHORT_CODE);
        ObjectNode body = SimulatorClient.c2bSimulateBody(SHORT_CODE, 100, MSISDN, "wallet-8");

        client.post(C2bEndpoints.SIMULATE_PATH, token, body);
        client.post(C2bEndpoints.SIMULATE_PATH, token, body);

        JsonNode first = receiver.next(C2B_CONFIRMATION).json();
        JsonNode second = receiver.next(C2B_CONFIRMATION).json();
        assertThat(second.path("TransID").asText()).isNotEqualTo(first.path("TransID").asText());
        // Each confirmation carries the balance after its own payment; they may be delivered in either order.
        assertThat(List.of(first.path("OrgAccountBalance").asText(), second.path("OrgAccountBalance").asText()))
                .containsExactlyInAnyOrder(SimulatorConfig.DEFAULT_STARTING_FLOAT + 100 + ".00",
                        SimulatorConfig.DEFAULT_STARTING_FLOAT + 200 + ".00");
        assertThat(simulator.ledgerTotals().receivedCount()).isEqualTo(2);
    }

    @Test
    void aDuplicatedConfirmationCarriesTheSameTransId() throws Exception {
        register(SHORT_CODE);
        simulator.setFaults(Faults.NONE.withDuplicateCallbackRate(1.0));

        client.post(C2bEndpoints.SIMULATE_PATH, token, SimulatorClient.c2bSimulateBody(SHORT_CODE, 100, MSISDN, "wallet-9"));

        CallbackReceiver.Received first = receiver.next(C2B_CONFIRMATION);
        CallbackReceiver.Received second = receiver.next(C2B_CONFIRMATION);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(simulator.ledgerTotals().receivedCount()).isEqualTo(1);
    }

    @Test
    void simulatingWithoutARegisteredConfirmationUrlIsRefusedAndReceivesNothing() throws Exception {
        register(SHORT_CODE);

        HttpResponse<String> response = client.post(C2bEndpoints.SIMULATE_PATH, token,
                SimulatorClient.c2bSimulateBody("600999", 100, MSISDN, "wallet-1"));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = SimulatorClient.json(response);
        assertThat(error.path("errorCode").asText()).isEqualTo("400.002.02");
        assertThat(error.path("errorMessage").asText()).contains("ShortCode").contains("600999");
        assertThat(simulator.ledgerTotals().receivedCount()).isZero();
        receiver.assertNothingArrives(C2B_CONFIRMATION, Duration.ofMillis(200));
    }

    @Test
    void refusesInvalidRegistrationsAndSimulations() throws Exception {
        ObjectNode badResponseType = SimulatorClient.c2bRegisterBody(SHORT_CODE, receiver.url(C2B_CONFIRMATION), receiver.url("/c2b/validation"));
        badResponseType.put("ResponseType", "Maybe");
        ObjectNode noConfirmationUrl = SimulatorClient.c2bRegisterBody(SHORT_CODE, receiver.url(C2B_CONFIRMATION), receiver.url("/c2b/validation"));
        noConfirmationUrl.remove("ConfirmationURL");
        ObjectNode badCommand = SimulatorClient.c2bSimulateBody(SHORT_CODE, 100, MSISDN, "wallet-1");
        badCommand.put("CommandID", "BusinessPayment");
        ObjectNode noBillRef = SimulatorClient.c2bSimulateBody(SHORT_CODE, 100, MSISDN, "wallet-1");
        noBillRef.remove("BillRefNumber");

        assertRefused(C2bEndpoints.REGISTER_PATH, badResponseType, "ResponseType");
        assertRefused(C2bEndpoints.REGISTER_PATH, noConfirmationUrl, "ConfirmationURL");
        register(SHORT_CODE);
        assertRefused(C2bEndpoints.SIMULATE_PATH, badCommand, "CommandID");
        assertRefused(C2bEndpoints.SIMULATE_PATH, noBillRef, "BillRefNumber");
        assertRefused(C2bEndpoints.SIMULATE_PATH, SimulatorClient.c2bSimulateBody(SHORT_CODE, 0, MSISDN, "wallet-1"), "Amount");
        assertRefused(C2bEndpoints.SIMULATE_PATH, SimulatorClient.c2bSimulateBody(SHORT_CODE, 10, "0708374149", "wallet-1"), "Msisdn");
        assertThat(client.post(C2bEndpoints.SIMULATE_PATH, null,
                SimulatorClient.c2bSimulateBody(SHORT_CODE, 10, MSISDN, "wallet-1")).statusCode()).isEqualTo(401);
        assertThat(simulator.ledgerTotals().receivedCount()).isZero();
    }

    private HttpResponse<String> register(String shortCode) throws Exception {
        return client.post(C2bEndpoints.REGISTER_PATH, token,
                SimulatorClient.c2bRegisterBody(shortCode, receiver.url(C2B_CONFIRMATION), receiver.url("/c2b/validation")));
    }

    private void assertRefused(String path, ObjectNode body, String field) throws Exception {
        HttpResponse<String> response = client.post(path, token, body);
        assertThat(response.statusCode()).as("status for bad %s", field).isEqualTo(400);
        JsonNode error = SimulatorClient.json(response);
        assertThat(error.path("errorCode").asText()).isEqualTo("400.002.02");
        assertThat(error.path("errorMessage").asText()).contains(field);
    }
}
