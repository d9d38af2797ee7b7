package com.mizani.app.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.mizani.app.support.Api;
import com.mizani.app.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may do what, proved over HTTP for every operation of the OpenAPI document: each one is called by each role,
 * without a token, and by a customer on its own and on another owner's resources, with a valid request, and the answer
 * must be the one the matrix below says (docs/security.md has the same table). The matrix is written here on its own,
 * not derived from {@link AccessPolicy}: an operation added to the API without a row here, or a rule without an
 * operation, fails the build.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest extends IntegrationTest {

    private static final String SERVICE = "service", TELLER = "teller", OPERATOR = "operator", APPROVER = "approver",
            AUDITOR = "auditor", ADMIN = "admin";
    private static final List<String> ROLES = List.of(SERVICE, TELLER, OPERATOR, APPROVER, AUDITOR, ADMIN);
    private static final Set<String> READERS = Set.of(SERVICE, OPERATOR, APPROVER, AUDITOR);
    private static final Set<String> STAFF = Set.of(OPERATOR, APPROVER, AUDITOR);
    private static final Set<String> INVESTIGATORS = Set.of(AUDITOR, OPERATOR);

    /** Who may call an operation: these roles, and a customer on what it owns if {@code customer}. */
    private record Rule(Set<String> roles, boolean customer) {
    }

    private static Rule roles(String... roles) {
        return new Rule(Set.of(roles), false);
    }

    private static Rule rolesAndCustomer(Set<String> roles) {
        return new Rule(roles, true);
    }

    /** The matrix: every operation of the API. A deposit is two rows, as its body's method decides. */
    private static final Map<String, Rule> MATRIX = new LinkedHashMap<>();

    static {
        MATRIX.put("POST /api/v1/wallets", rolesAndCustomer(Set.of(SERVICE)));
        MATRIX.put("GET /api/v1/wallets", rolesAndCustomer(READERS));
        MATRIX.put("GET /api/v1/wallets/{walletId}", rolesAndCustomer(READERS));
        MATRIX.put("GET /api/v1/wallets/{walletId}/balance", rolesAndCustomer(READERS));
        MATRIX.put("GET /api/v1/wallets/{walletId}/entries", rolesAndCustomer(READERS));
        MATRIX.put("GET /api/v1/wallets/{walletId}/statement", rolesAndCustomer(READERS));
        MATRIX.put("GET /api/v1/wallets/{walletId}/activity", rolesAndCustomer(READERS));
        MATRIX.put("POST /api/v1/wallets/{walletId}/freeze", roles(OPERATOR));
        MATRIX.put("POST /api/v1/wallets/{walletId}/unfreeze", roles(OPERATOR));
        MATRIX.put("POST /api/v1/wallets/{walletId}/close", roles(SERVICE));
        MATRIX.put("POST /api/v1/deposits CASH", roles(TELLER));
        MATRIX.put("POST /api/v1/deposits MPESA_STK", rolesAndCustomer(Set.of(SERVICE)));
        MATRIX.put("POST /api/v1/transfers", rolesAndCustomer(Set.of(SERVICE)));
        MATRIX.put("POST /api/v1/transfers/batch", roles(SERVICE));
        MATRIX.put("POST /api/v1/fx/quotes", rolesAndCustomer(Set.of(SERVICE)));
        MATRIX.put("GET /api/v1/fx/quotes/{quoteId}", rolesAndCustomer(Set.of(SERVICE)));
        MATRIX.put("GET /api/v1/transfers/{transferId}", rolesAndCustomer(READERS));
        MATRIX.put("GET /api/v1/transfers/{transferId}/events", rolesAndCustomer(READERS));
        MATRIX.put("POST /api/v1/withdrawals", rolesAndCustomer(Set.of(SERVICE)));
        MATRIX.put("GET /api/v1/payments/{paymentId}", rolesAndCustomer(READERS));
        MATRIX.put("GET /api/v1/payments/{paymentId}/events", rolesAndCustomer(READERS));
        MATRIX.put("GET /api/v1/transactions/{transactionId}", rolesAndCustomer(READERS));
        MATRIX.put("GET /api/v1/ledger/verify", roles(OPERATOR, AUDITOR));
        MATRIX.put("POST /api/v1/payroll/jobs", roles(SERVICE));
        MATRIX.put("GET /api/v1/payroll/jobs", new Rule(READERS, false));
        MATRIX.put("GET /api/v1/payroll/jobs/{jobId}", new Rule(READERS, false));
        MATRIX.put("GET /api/v1/payroll/jobs/{jobId}/items", new Rule(READERS, false));
        MATRIX.put("GET /api/v1/payroll/jobs/{jobId}/events", new Rule(READERS, false));
        MATRIX.put("POST /api/v1/payroll/jobs/{jobId}/approve", roles(APPROVER));
        MATRIX.put("POST /api/v1/payroll/jobs/{jobId}/reject", roles(APPROVER));
        MATRIX.put("POST /api/v1/payroll/jobs/{jobId}/cancel", roles(SERVICE, APPROVER));
        MATRIX.put("GET /api/v1/ops/payments", new Rule(STAFF, false));
        MATRIX.put("POST /api/v1/ops/payments/{paymentId}/resolve", roles(OPERATOR));
        MATRIX.put("POST /api/v1/ops/payments/{paymentId}/status-query", roles(OPERATOR));
        MATRIX.put("POST /api/v1/ops/payments/{paymentId}/resolution/approve", roles(APPROVER));
        MATRIX.put("POST /api/v1/ops/payments/{paymentId}/resolution/reject", roles(APPROVER));
        MATRIX.put("POST /api/v1/ops/payments/{paymentId}/incident/correction", roles(OPERATOR));
        MATRIX.put("POST /api/v1/ops/payments/{paymentId}/incident/correction/approve", roles(APPROVER));
        MATRIX.put("POST /api/v1/ops/payments/{paymentId}/incident/correction/reject", roles(APPROVER));
        MATRIX.put("GET /api/v1/ops/adjustments", new Rule(STAFF, false));
        MATRIX.put("POST /api/v1/ops/adjustments", roles(OPERATOR));
        MATRIX.put("GET /api/v1/ops/adjustments/{adjustmentId}", new Rule(STAFF, false));
        MATRIX.put("POST /api/v1/ops/adjustments/{adjustmentId}/approve", roles(APPROVER));
        MATRIX.put("POST /api/v1/ops/adjustments/{adjustmentId}/reject", roles(APPROVER));
        MATRIX.put("GET /api/v1/ops/incidents", new Rule(STAFF, false));
        MATRIX.put("GET /api/v1/ops/incidents/{incidentId}", new Rule(STAFF, false));
        MATRIX.put("GET /api/v1/ops/reconciliation", roles(OPERATOR, AUDITOR));
        MATRIX.put("POST /api/v1/ops/reconciliation/run", roles(OPERATOR));
        MATRIX.put("GET /api/v1/ops/invariants", roles(OPERATOR, AUDITOR));
        MATRIX.put("GET /api/v1/ops/invariants/latest", roles(OPERATOR, AUDITOR));
        MATRIX.put("GET /api/v1/ops/stats", new Rule(STAFF, false));
        MATRIX.put("GET /api/v1/ops/activity", new Rule(STAFF, false));
        MATRIX.put("GET /api/v1/audit/transfers/{transferId}", new Rule(INVESTIGATORS, false));
        MATRIX.put("GET /api/v1/audit/payments/{paymentId}", new Rule(INVESTIGATORS, false));
        MATRIX.put("GET /api/v1/audit/adjustments/{adjustmentId}", new Rule(INVESTIGATORS, false));
        MATRIX.put("GET /api/v1/audit/wallets/{walletId}", new Rule(INVESTIGATORS, false));
        MATRIX.put("GET /api/v1/audit/wallets/{walletId}/replay", new Rule(INVESTIGATORS, false));
        MATRIX.put("GET /api/v1/audit/wallets/{walletId}/chain", new Rule(INVESTIGATORS, false));
        MATRIX.put("GET /api/v1/audit/refused-callbacks", new Rule(INVESTIGATORS, false));
        MATRIX.put("GET /api/v1/audit/correlations/{correlationId}", new Rule(INVESTIGATORS, false));
        for (String webhooks : List.of("GET /api/v1/webhooks/event-types", "POST /api/v1/webhooks/endpoints",
                "GET /api/v1/webhooks/endpoints", "GET /api/v1/webhooks/endpoints/{endpointId}",
                "PUT /api/v1/webhooks/endpoints/{endpointId}", "DELETE /api/v1/webhooks/endpoints/{endpointId}",
                "POST /api/v1/webhooks/endpoints/{endpointId}/disable",
                "POST /api/v1/webhooks/endpoints/{endpointId}/enable",
                "POST /api/v1/webhooks/endpoints/{endpointId}/rotate-secret",
                "GET /api/v1/webhooks/endpoints/{endpointId}/attempts",
                "GET /api/v1/webhooks/endpoints/{endpointId}/deliveries",
                "POST /api/v1/webhooks/endpoints/{endpointId}/redeliveries",
                "POST /api/v1/webhooks/endpoints/{endpointId}/ping")) {
            MATRIX.put(webhooks, roles(SERVICE));
        }
        for (String admin : List.of("GET /api/v1/admin/projections", "POST /api/v1/admin/projections/{name}/replay",
                "GET /api/v1/admin/projections/{name}/replay", "GET /api/v1/admin/clients", "POST /api/v1/admin/clients",
                "GET /api/v1/admin/clients/{clientId}", "POST /api/v1/admin/clients/{clientId}/disable",
                "POST /api/v1/admin/clients/{clientId}/enable", "POST /api/v1/admin/clients/{clientId}/rotate-secret",
                "GET /api/v1/admin/users", "POST /api/v1/admin/users", "GET /api/v1/admin/users/{username}",
                "POST /api/v1/admin/users/{username}/disable", "POST /api/v1/admin/users/{username}/enable",
                "POST /api/v1/admin/users/{username}/password", "GET /api/v1/admin/keys",
                "POST /api/v1/admin/keys/rotate", "GET /api/v1/admin/fx-simulator", "PUT /api/v1/admin/fx-simulator")) {
            MATRIX.put(admin, roles(ADMIN));
        }
    }

    /** Provider callbacks prove themselves by HMAC and source address, never by a token (CallbackAuthenticationTest). */
    private static final String CALLBACKS = "/api/v1/providers/";

    private final String owner = UUID.randomUUID().toString();
    private final String otherOwner = UUID.randomUUID().toString();
    private Fixtures own;
    private Fixtures other;
    private String adjustmentId;
    private String payrollJobId;
    /** A cancelled job: its progress stream sends the final status and ends, where a pending job's would stay open. */
    private String finishedPayrollJobId;
    private String throwawayClient;
    private String throwawayUser;
    /** A quote of a principal none of the calls is made as. */
    private String othersQuote;

    /** What a customer acts on: its own, or another owner's. */
    private record Fixtures(String walletId, String transferId, String paymentId) {
    }

    @BeforeAll
    void createResources() {
        api = new Api(port);
        own = fixturesOf(owner);
        other = fixturesOf(otherOwner);
        adjustmentId = api.as("matrix-maker").post("/api/v1/ops/adjustments", """
                {"walletId":"%s","amount":"1.00","currency":"KES","direction":"CREDIT","reason":"matrix"}"""
                .formatted(own.walletId()), "Idempotency-Key", UUID.randomUUID().toString()).text("adjustmentId");
        assertThat(adjustmentId).isNotNull();
        payrollJobId = api.post("/api/v1/payroll/jobs", payrollJob(own.walletId(), other.walletId()),
                "Idempotency-Key", UUID.randomUUID().toString()).text("jobId");
        assertThat(payrollJobId).isNotNull();
        finishedPayrollJobId = api.post("/api/v1/payroll/jobs", payrollJob(own.walletId(), other.walletId()),
                "Idempotency-Key", UUID.randomUUID().toString()).text("jobId");
        assertThat(api.post("/api/v1/payroll/jobs/" + finishedPayrollJobId + "/cancel", "").status()).isEqualTo(200);
        throwawayClient = api.post("/api/v1/admin/clients", "{\"name\":\"matrix-throwaway\",\"roles\":[\"auditor\"]}")
                .text("clientId");
        othersQuote = api.asClient("matrix-quoter", List.of(SERVICE), null).post("/api/v1/fx/quotes", QUOTE, "Idempotency-Key", UUID.randomUUID().toString())
                .text("quoteId");
        assertThat(othersQuote).isNotNull();
        throwawayUser = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/v1/admin/users", """
                {"username":"%s","password":"a-long-password-1","roles":["auditor"]}""".formatted(throwawayUser))
                .status()).isEqualTo(201);
    }

    /** A funded wallet of this owner, a transfer between two of its wallets, and a settled payout from it. */
    private Fixtures fixturesOf(String ownerId) {
        String wallet = openWallet(ownerId);
        String second = openWallet(ownerId);
        assertThat(api.deposit(wallet, "1000.00", "KES").status()).isEqualTo(201);
        String transfer = api.transfer(UUID.randomUUID().toString(), wallet, second, "10.00", "KES").text("transferId");
        String payment = api.settledPayout(wallet, "20");
        await().until(() -> api.get("/api/v1/transfers/" + transfer).status() == 200);
        return new Fixtures(wallet, transfer, payment);
    }

    private String openWallet(String ownerId) {
        return api.post("/api/v1/wallets", "{\"ownerId\":\"%s\",\"currency\":\"KES\"}".formatted(ownerId)).text("walletId");
    }

    @Test
    void everyOperationOfTheDocumentHasARowAndARuleAndNothingElseHas() {
        Set<String> documented = documentedOperations();
        Set<String> rows = new TreeSet<>();
        MATRIX.keySet().forEach(row -> rows.add(operationOf(row)));

        assertThat(rows).as("rows of the matrix").containsExactlyInAnyOrderElementsOf(documented);
        assertThat(new TreeSet<>(AccessPolicy.operations())).as("rules of the access policy")
                .containsExactlyInAnyOrderElementsOf(documented);
    }

    @Test
    void everyOperationAnswersEachPrincipalAsTheMatrixSays() {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Rule> row : MATRIX.entrySet()) {
            String operation = row.getKey();
            Rule rule = row.getValue();
            expect(wrong, operation, "no token", call(api.anonymous(), operation, own), 401, "AUTHENTICATION_REQUIRED");
            for (String role : ROLES) {
                Api principal = api.asClient("matrix-" + role, List.of(role), null);
                Api.Response answer = call(principal, operation, own);
                if (rule.roles().contains(role)) {
                    expectAllowed(wrong, operation, role, answer);
                } else {
                    expect(wrong, operation, role, answer, 403, "ACCESS_DENIED");
                }
            }
            Api customer = api.asClient("matrix-customer", List.of("customer"), owner);
            Api.Response onOwn = call(customer, operation, own);
            Api.Response onOthers = call(customer, operation, other);
            if (rule.customer()) {
                expectAllowed(wrong, operation, "customer on its own", onOwn);
                expectHidden(wrong, operation, onOthers);
            } else {
                expect(wrong, operation, "customer", onOwn, 403, "ACCESS_DENIED");
            }
        }
        assertThat(wrong).as("answers that differ from the matrix").isEmpty();
    }

    private static void expectAllowed(List<String> wrong, String operation, String who, Api.Response answer) {
        if (answer.status() == 401 || answer.status() == 403 || answer.status() == 405 || answer.status() >= 500) {
            wrong.add("%s as %s: %d %s".formatted(operation, who, answer.status(), answer.body()));
        }
        if (answer.status() == 404 && isHiddenCode(answer.code())) {
            wrong.add("%s as %s: hidden as %s".formatted(operation, who, answer.code()));
        }
    }

    /**
     * Another owner's resource answers as if it did not exist; opening a wallet for another owner is refused. A quote
     * is the principal's, not an owner's: asking for one names nobody else, and another principal's is not found.
     */
    private static void expectHidden(List<String> wrong, String operation, Api.Response answer) {
        if (operation.equals("POST /api/v1/fx/quotes")) {
            expectAllowed(wrong, operation, "customer", answer);
            return;
        }
        // Naming another owner is refused as such: the owner id is the caller's own input, not a resource to hide.
        boolean opensWallet = operation.equals("POST /api/v1/wallets") || operation.equals("GET /api/v1/wallets");
        boolean hidden = opensWallet ? answer.status() == 403 && "ACCESS_DENIED".equals(answer.code())
                : operation.equals("GET /api/v1/fx/quotes/{quoteId}")
                ? answer.status() == 404 && "QUOTE_NOT_FOUND".equals(answer.code())
                : answer.status() == 404 && isHiddenCode(answer.code());
        if (!hidden || !answer.isProblem()) {
            wrong.add("%s as customer on another's: %d %s".formatted(operation, answer.status(), answer.body()));
        }
    }

    private static boolean isHiddenCode(String code) {
        return Set.of("WALLET_NOT_FOUND", "TRANSFER_NOT_FOUND", "PAYMENT_NOT_FOUND", "TRANSACTION_NOT_FOUND")
                .contains(code);
    }

    private static void expect(List<String> wrong, String operation, String who, Api.Response answer, int status,
                               String code) {
        if (answer.status() != status || !code.equals(answer.code()) || !answer.isProblem()) {
            wrong.add("%s as %s: %d %s, expected %d %s".formatted(operation, who, answer.status(), answer.body(),
                    status, code));
        }
    }

    /** A valid request of the operation, on the resources of {@code on}. */
    private Api.Response call(Api principal, String row, Fixtures on) {
        String operation = operationOf(row);
        String method = operation.substring(0, operation.indexOf(' '));
        String path = operation.substring(operation.indexOf(' ') + 1)
                .replace("{walletId}", on.walletId())
                .replace("{transferId}", on.transferId())
                .replace("{paymentId}", on.paymentId())
                .replace("{transactionId}", on.transferId())
                .replace("{adjustmentId}", adjustmentId)
                .replace("{jobId}", operation.endsWith("/events") ? finishedPayrollJobId : payrollJobId)
                // No incident exists here: an allowed caller is answered 404 INCIDENT_NOT_FOUND, past the policy.
                .replace("{incidentId}", UUID.randomUUID().toString())
                .replace("{correlationId}", UUID.randomUUID().toString())
                // No endpoint of the caller has this id: an allowed caller is answered 404 WEBHOOK_ENDPOINT_NOT_FOUND.
                .replace("{endpointId}", UUID.randomUUID().toString())
                .replace("{name}", "no-such-projection")
                .replace("{clientId}", throwawayClient)
                .replace("{username}", throwawayUser)
                .replace("{quoteId}", on == own ? quoteOf(principal) : othersQuote)
                + query(operation, on == own ? owner : otherOwner);
        HttpRequest.Builder request = HttpRequest.newBuilder(principal.uri(path))
                .header("Idempotency-Key", UUID.randomUUID().toString());
        if (method.equals("GET")) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body(row, on)));
        }
        return principal.send(request);
    }

    /** A quote of the principal itself, or, when it may not ask for one, an id of none. */
    private static String quoteOf(Api principal) {
        Api.Response quote = principal.post("/api/v1/fx/quotes", QUOTE, "Idempotency-Key", UUID.randomUUID().toString());
        return quote.status() == 201 ? quote.text("quoteId") : UUID.randomUUID().toString();
    }

    private static String payrollJob(String source, String employee) {
        return """
                {"sourceWalletId":"%s","name":"matrix","items":[{"reference":"M1","amount":"1.00","currency":"KES","walletId":"%s"}]}"""
                .formatted(source, employee);
    }

    private static final String QUOTE = "{\"fromCurrency\":\"KES\",\"toCurrency\":\"USD\",\"fromAmount\":\"100.00\"}";

    private static String query(String operation, String ownerId) {
        return switch (operation) {
            case "GET /api/v1/wallets" -> "?ownerId=" + ownerId;
            case "GET /api/v1/wallets/{walletId}/statement" -> "?from=2026-01-01T00:00:00Z&to=2100-01-01T00:00:00Z";
            case "GET /api/v1/ops/payments" -> "?status=MANUAL_REVIEW";
            default -> "";
        };
    }

    private String body(String row, Fixtures on) {
        String wallet = on.walletId();
        return switch (row) {
            case "POST /api/v1/wallets" -> "{\"ownerId\":\"%s\",\"currency\":\"KES\"}"
                    .formatted(on == own ? owner : otherOwner);
            case "POST /api/v1/deposits CASH" -> "{\"walletId\":\"%s\",\"amount\":\"1.00\",\"currency\":\"KES\"}".formatted(wallet);
            case "POST /api/v1/deposits MPESA_STK" -> """
                    {"walletId":"%s","amount":"1","currency":"KES","method":"MPESA_STK","msisdn":"254708374149"}"""
                    .formatted(wallet);
            case "POST /api/v1/transfers" -> Api.transferJson(wallet, other.walletId(), "1.00", "KES");
            case "POST /api/v1/transfers/batch" -> """
                    {"items":[{"idempotencyKey":"%s","sourceWalletId":"%s","destinationWalletId":"%s","amount":"1.00","currency":"KES"}]}"""
                    .formatted(UUID.randomUUID(), wallet, other.walletId());
            case "POST /api/v1/fx/quotes" -> QUOTE;
            case "POST /api/v1/payroll/jobs" -> payrollJob(wallet, other.walletId());
            case "POST /api/v1/withdrawals" -> """
                    {"walletId":"%s","amount":"10","currency":"KES","msisdn":"254708374149"}""".formatted(wallet);
            case "POST /api/v1/ops/payments/{paymentId}/resolve" -> "{\"outcome\":\"PAID\",\"reason\":\"matrix\"}";
            case "POST /api/v1/ops/adjustments" -> """
                    {"walletId":"%s","amount":"1.00","currency":"KES","direction":"CREDIT","reason":"matrix"}"""
                    .formatted(wallet);
            case "POST /api/v1/admin/clients" -> "{\"name\":\"matrix-new\",\"roles\":[\"auditor\"]}";
            case "POST /api/v1/admin/users" -> """
                    {"username":"m-%s","password":"a-long-password-1","roles":["auditor"]}"""
                    .formatted(UUID.randomUUID().toString().substring(0, 8));
            case "POST /api/v1/admin/users/{username}/password" -> "{\"password\":\"another-long-password\"}";
            // NONE: the simulator is left as every other test expects it.
            case "PUT /api/v1/admin/fx-simulator" -> "{\"fault\":\"NONE\"}";
            default -> "{\"reason\":\"matrix\"}";
        };
    }

    /** {@code METHOD /path} of a row ({@code POST /api/v1/deposits CASH} is the deposit operation). */
    private static String operationOf(String row) {
        String[] parts = row.split(" ");
        return parts[0] + " " + parts[1];
    }

    private Set<String> documentedOperations() {
        JsonNode paths = api.anonymous().get("/v3/api-docs").json().path("paths");
        Set<String> operations = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            if (path.getKey().startsWith(CALLBACKS)) {
                continue;
            }
            path.getValue().fieldNames().forEachRemaining(method -> operations.add(method.toUpperCase() + " " + path.getKey()));
        }
        return operations;
    }
}
