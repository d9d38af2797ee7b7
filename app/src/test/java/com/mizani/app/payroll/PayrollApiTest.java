package com.mizani.app.payroll;

import com.fasterxml.jackson.databind.JsonNode;
import com.mizani.app.support.Api;
import com.mizani.app.support.IntegrationTest;
import com.mizani.kernel.idempotency.IdempotencyKeys;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Payroll jobs through the API on the real application: created by a service, released by an approver (four eyes),
 * reserved whole and paid exactly once with the reservation fully accounted for; refused approvals that move
 * nothing; every kind of bad input, JSON and CSV, refused line by line with nothing created; and the items as a CSV
 * report.
 */
class PayrollApiTest extends IntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Api approver() {
        return api.asClient("payroll-approver", List.of("approver"), null);
    }

    private static String item(String reference, String amount, String walletId) {
        return "{\"reference\":\"%s\",\"amount\":\"%s\",\"currency\":\"KES\",\"walletId\":\"%s\"}"
                .formatted(reference, amount, walletId);
    }

    private static String job(String source, List<String> items) {
        return "{\"sourceWalletId\":\"%s\",\"name\":\"November payroll\",\"items\":[%s]}"
                .formatted(source, String.join(",", items));
    }

    private Api.Response create(String body, String key) {
        return api.post("/api/v1/payroll/jobs", body, "Idempotency-Key", key);
    }

    private Api.Response createCsv(String source, byte[] csv, String key) {
        return api.send(HttpRequest.newBuilder(api.uri("/api/v1/payroll/jobs?sourceWalletId=" + source
                        + "&name=November"))
                .header("Content-Type", "text/csv")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv)));
    }

    private String funded(String amount) {
        String wallet = api.openWallet("KES");
        assertThat(api.deposit(wallet, amount, "KES").status()).isEqualTo(201);
        return wallet;
    }

    private JsonNode awaitStatus(String jobId, String status) {
        await().atMost(Duration.ofSeconds(60)).until(
                () -> api.get("/api/v1/payroll/jobs/" + jobId).json().path("status").asText(), status::equals);
        return api.get("/api/v1/payroll/jobs/" + jobId).json();
    }

    @Test
    void aJobOfWalletItemsIsPaidExactlyOnceFromItsReservation() {
        String source = funded("10000.00");
        List<String> employees = List.of(api.openWallet("KES"), api.openWallet("KES"), api.openWallet("KES"));
        String closed = api.openWallet("KES");
        assertThat(api.post("/api/v1/wallets/" + closed + "/close", "{}").status()).isEqualTo(200);
        List<String> items = new ArrayList<>();
        long[] expectedPerEmployee = new long[3];
        for (int i = 0; i < 250; i++) {
            // 10.00 + i cents; every 50th item goes to a closed wallet and fails.
            long minor = 1_000 + i;
            String destination = i % 50 == 7 ? closed : employees.get(i % 3);
            if (!destination.equals(closed)) {
                expectedPerEmployee[i % 3] += minor;
            }
            items.add(item("EMP-" + i, "%d.%02d".formatted(minor / 100, minor % 100), destination));
        }
        Api.Response created = create(job(source, items), UUID.randomUUID().toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("PENDING_APPROVAL");
        assertThat(created.json().path("totalItems").asInt()).isEqualTo(250);
        long total = 0;
        for (int i = 0; i < 250; i++) {
            total += 1_000 + i;
        }
        assertThat(created.text("totalAmount")).isEqualTo("%d.%02d".formatted(total / 100, total % 100));
        String jobId = created.text("jobId");
        // Nothing is reserved or paid before approval.
        assertThat(api.wallet(source).path("held").asText()).isEqualTo("0.00");

        Api.Response approved = approver().post("/api/v1/payroll/jobs/" + jobId + "/approve", "{}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.text("status")).isIn("RUNNING", "COMPLETED_WITH_FAILURES");

        JsonNode done = awaitStatus(jobId, "COMPLETED_WITH_FAILURES");
        assertThat(done.path("processedItems").asInt()).isEqualTo(250);
        assertThat(done.path("failedItems").asInt()).isEqualTo(5);
        assertThat(done.path("succeededItems").asInt()).isEqualTo(245);
        assertThat(done.path("pendingItems").asInt()).isZero();
        assertThat(done.path("checkpoint").asInt()).isEqualTo(250);
        assertThat(done.path("progress").asText()).isEqualTo("250/250");

        long failedMinor = 0;
        for (int i = 7; i < 250; i += 50) {
            failedMinor += 1_000 + i;
        }
        long paid = total - failedMinor;
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode wallet = api.wallet(source);
            assertThat(wallet.path("held").asText()).as("the reservation is fully accounted for").isEqualTo("0.00");
            assertThat(wallet.path("available").asText()).isEqualTo(format(1_000_000 - paid));
            for (int e = 0; e < 3; e++) {
                assertThat(api.available(employees.get(e))).isEqualTo(format(expectedPerEmployee[e]));
            }
        });

        Api.Response failed = api.get("/api/v1/payroll/jobs/" + jobId + "/items?status=FAILED&limit=2");
        assertThat(failed.status()).isEqualTo(200);
        List<String> failedReferences = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/api/v1/payroll/jobs/" + jobId + "/items?status=FAILED&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            for (JsonNode item : page.path("items")) {
                assertThat(item.path("failureCode").asText()).isEqualTo("WALLET_CLOSED");
                assertThat(item.path("transferId").asText()).isNotEmpty();
                failedReferences.add(item.path("reference").asText());
            }
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText(null);
        } while (cursor != null);
        assertThat(failedReferences).containsExactly("EMP-7", "EMP-57", "EMP-107", "EMP-157", "EMP-207");

        // Every item is one transfer, each of its own stable id.
        Set<String> transfers = new HashSet<>();
        String next = null;
        do {
            JsonNode page = api.get("/api/v1/payroll/jobs/" + jobId + "/items?limit=500"
                    + (next == null ? "" : "&cursor=" + next)).json();
            page.path("items").forEach(item -> transfers.add(item.path("transferId").asText()));
            next = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText(null);
        } while (next != null);
        assertThat(transfers).hasSize(250);
        assertThat(api.get("/api/v1/ledger/verify").json().path("balanced").asBoolean()).isTrue();
    }

    @Test
    void theFailedItemsAsCsvAreExactlyTheFailedItemWithItsCodeQuotedAsRfc4180Says() throws Exception {
        String source = funded("100.00");
        String employee = api.openWallet("KES");
        String closed = api.openWallet("KES");
        assertThat(api.post("/api/v1/wallets/" + closed + "/close", "{}").status()).isEqualTo(200);
        String created = create(job(source, List.of(item("EMP-1", "1.00", employee),
                item("EMP, \\\"senior\\\"", "2.50", closed), item("EMP-3", "3.00", employee))),
                UUID.randomUUID().toString()).text("jobId");
        assertThat(approver().post("/api/v1/payroll/jobs/" + created + "/approve", "{}").status()).isEqualTo(200);
        awaitStatus(created, "COMPLETED_WITH_FAILURES");
        String transferId = api.get("/api/v1/payroll/jobs/" + created + "/items?status=FAILED").json()
                .path("items").get(0).path("transferId").asText();

        HttpResponse<String> csv = items(created, "?status=FAILED&format=csv", null);

        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"payroll-" + created + "-items.csv\"");
        assertThat(csv.body()).isEqualTo("index,reference,amount,currency,walletId,msisdn,status,transferId,paymentId,"
                + "receipt,failureCode,providerResultCode,failureReason\n"
                + "1,\"EMP, \"\"senior\"\"\",2.50,KES," + closed + ",,FAILED," + transferId + ",,,WALLET_CLOSED,,\n");
        // Accept asks for CSV as well; the format parameter wins over it; any other format is refused.
        assertThat(items(created, "?status=FAILED", "text/csv").body()).isEqualTo(csv.body());
        assertThat(items(created, "?status=FAILED&format=json", "text/csv").headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(items(created, "?format=csv", null).body().lines()).hasSize(1 + 3);
        Api.Response xml = api.get("/api/v1/payroll/jobs/" + created + "/items?format=xml");
        assertThat(xml.status()).isEqualTo(400);
        assertThat(xml.isProblem()).isTrue();
        assertThat(xml.code()).isEqualTo("VALIDATION_FAILED");
        Api.Response unknown = api.get("/api/v1/payroll/jobs/" + UUID.randomUUID() + "/items?format=csv");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("PAYROLL_JOB_NOT_FOUND");
    }

    @Test
    void aCsvReportHoldsEveryItemOfALargeJobNotAPage() throws Exception {
        String source = funded("10000.00");
        String employee = api.openWallet("KES");
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            items.add(item("EMP-" + i, "1.00", employee));
        }
        String jobId = create(job(source, items), UUID.randomUUID().toString()).text("jobId");

        List<String> lines = items(jobId, "?status=PENDING&format=csv", null).body().lines().toList();

        // More items than one page (500) and than one chunk of the report (1,000), each once, in order.
        assertThat(lines).hasSize(1 + 2_500);
        for (int i = 0; i < 2_500; i++) {
            assertThat(lines.get(1 + i)).startsWith(i + ",EMP-" + i + ",1.00,KES," + employee + ",,PENDING,,");
        }
    }

    /** The job's items as the query and the Accept header ({@code null}: none) ask for them, headers and all. */
    private HttpResponse<String> items(String jobId, String query, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri("/api/v1/payroll/jobs/" + jobId + "/items" + query));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return HTTP.send(api.authorize(request.GET()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void jobsAreListedNewestFirstAllOrInOneStatus() {
        String source = funded("100.00");
        String payee = api.openWallet("KES");
        String older = create(job(source, List.of(item("L1", "1.00", payee))), UUID.randomUUID().toString()).text("jobId");
        String newer = create(job(source, List.of(item("L2", "1.00", payee))), UUID.randomUUID().toString()).text("jobId");
        assertThat(api.post("/api/v1/payroll/jobs/" + older + "/cancel", "").status()).isEqualTo(200);

        List<String> all = new java.util.ArrayList<>();
        api.get("/api/v1/payroll/jobs?limit=500").json().path("jobs").forEach(job -> all.add(job.path("jobId").asText()));
        assertThat(all).containsSubsequence(newer, older);
        List<String> waiting = new java.util.ArrayList<>();
        api.get("/api/v1/payroll/jobs?status=PENDING_APPROVAL&limit=500").json().path("jobs")
                .forEach(job -> waiting.add(job.path("jobId").asText()));
        assertThat(waiting).contains(newer).doesNotContain(older);
        assertThat(api.get("/api/v1/payroll/jobs?limit=1").json().path("jobs")).hasSize(1);

        Api.Response unknown = api.get("/api/v1/payroll/jobs?status=FINISHED");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/v1/payroll/jobs?limit=0").code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void aRepeatedRequestAnswersTheSameJobAndAnotherBodyUnderTheKeyIsAConflict() {
        String source = funded("100.00");
        String employee = api.openWallet("KES");
        String key = UUID.randomUUID().toString();
        String body = job(source, List.of(item("A", "1.00", employee)));
        Api.Response first = create(body, key);
        Api.Response repeat = create(body, key);
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.text("jobId")).isEqualTo(first.text("jobId"));
        Api.Response other = create(job(source, List.of(item("A", "2.00", employee))), key);
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void theCreatorCannotApproveItsOwnJob() {
        Api maker = api.asClient("payroll-maker-approver", List.of("service", "approver"), null);
        String source = funded("100.00");
        Api.Response created = maker.post("/api/v1/payroll/jobs", job(source, List.of(item("A", "1.00",
                api.openWallet("KES")))), "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String jobId = created.text("jobId");
        Api.Response own = maker.post("/api/v1/payroll/jobs/" + jobId + "/approve", "{}");
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.code()).isEqualTo("PROPOSER_CANNOT_DECIDE");
        Api.Response ownReject = maker.post("/api/v1/payroll/jobs/" + jobId + "/reject", "{\"reason\":\"mine\"}");
        assertThat(ownReject.code()).isEqualTo("PROPOSER_CANNOT_DECIDE");
        assertThat(api.get("/api/v1/payroll/jobs/" + jobId).json().path("status").asText()).isEqualTo("PENDING_APPROVAL");

        Api.Response rejected = approver().post("/api/v1/payroll/jobs/" + jobId + "/reject", "{\"reason\":\"wrong month\"}");
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.text("status")).isEqualTo("REJECTED");
        assertThat(approver().post("/api/v1/payroll/jobs/" + jobId + "/approve", "{}").code())
                .isEqualTo("PAYROLL_JOB_NOT_PENDING");
        assertThat(api.available(source)).isEqualTo("100.00");
    }

    @Test
    void anApprovalTheSourceCannotCoverIsRefusedAndMovesNothing() {
        String source = funded("5.00");
        String employee = api.openWallet("KES");
        Api.Response created = create(job(source, List.of(item("A", "3.00", employee), item("B", "3.00", employee))),
                UUID.randomUUID().toString());
        String jobId = created.text("jobId");
        Api.Response approval = approver().post("/api/v1/payroll/jobs/" + jobId + "/approve", "{}");
        assertThat(approval.status()).isEqualTo(422);
        assertThat(approval.contentType()).startsWith("application/problem+json");
        assertThat(approval.code()).isEqualTo("INSUFFICIENT_FUNDS");
        JsonNode view = api.get("/api/v1/payroll/jobs/" + jobId).json();
        assertThat(view.path("status").asText()).isEqualTo("PENDING_APPROVAL");
        assertThat(view.path("approvalRefusal").asText()).isEqualTo("INSUFFICIENT_FUNDS");
        JsonNode wallet = api.wallet(source);
        assertThat(wallet.path("available").asText()).isEqualTo("5.00");
        assertThat(wallet.path("held").asText()).isEqualTo("0.00");
        assertThat(api.available(employee)).isEqualTo("0.00");

        // Once the source can cover it, the same job is approved.
        assertThat(api.deposit(source, "1.00", "KES").status()).isEqualTo(201);
        assertThat(approver().post("/api/v1/payroll/jobs/" + jobId + "/approve", "{}").status()).isEqualTo(200);
        awaitStatus(jobId, "COMPLETED");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(api.available(employee)).isEqualTo("6.00"));
    }

    @Test
    void badLinesAreRefusedLineByLineAndCreateNothing() {
        String source = funded("100.00");
        String employee = api.openWallet("KES");
        String key = UUID.randomUUID().toString();
        Api.Response refused = create(job(source, List.of(
                item("OK", "1.00", employee),
                item("ZERO", "0", employee),
                item("NEG", "-5.00", employee),
                item("HUGE", "999999999999999.00", employee),
                item("OK", "1.00", employee),
                "{\"reference\":\"USD-MSISDN\",\"amount\":\"1.00\",\"currency\":\"USD\",\"msisdn\":\"254708374149\"}",
                "{\"reference\":\"MSISDN\",\"amount\":\"1.00\",\"currency\":\"KES\",\"msisdn\":\"254708374149\"}",
                "{\"reference\":\"BAD-MSISDN\",\"amount\":\"1.00\",\"currency\":\"KES\",\"msisdn\":\"0712\"}",
                "{\"reference\":\"BOTH\",\"amount\":\"1.00\",\"currency\":\"KES\",\"walletId\":\"%s\",\"msisdn\":\"254708374149\"}"
                        .formatted(employee),
                item("SELF", "1.00", source),
                item("BADID", "1.00", "not-a-uuid"))), key);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.code()).isEqualTo("PAYROLL_JOB_INVALID");
        List<String> errors = new ArrayList<>();
        refused.json().path("errors").forEach(error -> errors.add(error.path("line").asInt() + " "
                + error.path("field").asText() + " " + error.path("code").asText()));
        assertThat(errors).containsExactly(
                "2 amount INVALID_AMOUNT",
                "3 amount INVALID_AMOUNT",
                "4 amount AMOUNT_OUT_OF_RANGE",
                "5 reference DUPLICATE_PAYROLL_REFERENCE",
                "6 currency CURRENCY_MISMATCH",
                "6 currency CURRENCY_NOT_SUPPORTED",
                "8 msisdn INVALID_MSISDN",
                "9 walletId VALIDATION_FAILED",
                "10 walletId SAME_WALLET",
                "11 walletId INVALID_ID");
        assertNothingCreated(key);
    }

    @Test
    void envelopeErrorsAreRefusedWhole() {
        String source = funded("100.00");
        String employee = api.openWallet("KES");
        assertThat(create("{\"sourceWalletId\":\"%s\",\"name\":\"x\",\"items\":[]}".formatted(source),
                UUID.randomUUID().toString()).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(create("{\"sourceWalletId\":\"%s\",\"items\":[%s]}".formatted(source, item("A", "1.00", employee)),
                UUID.randomUUID().toString()).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(create("{\"sourceWalletId\":\"nope\",\"name\":\"x\",\"items\":[%s]}".formatted(item("A", "1.00", employee)),
                UUID.randomUUID().toString()).code()).isEqualTo("INVALID_ID");
        assertThat(create("[1,2]", UUID.randomUUID().toString()).code()).isEqualTo("MALFORMED_REQUEST");
        assertThat(create("{\"sourceWalletId\":", UUID.randomUUID().toString()).code()).isEqualTo("MALFORMED_REQUEST");
        assertThat(api.post("/api/v1/payroll/jobs", job(source, List.of(item("A", "1.00", employee)))).code())
                .isEqualTo("IDEMPOTENCY_KEY_MISSING");
        Api.Response unknownSource = create(job(UUID.randomUUID().toString(), List.of(item("A", "1.00", employee))),
                UUID.randomUUID().toString());
        assertThat(unknownSource.status()).isEqualTo(404);
        assertThat(unknownSource.code()).isEqualTo("WALLET_NOT_FOUND");
    }

    @Test
    void aCsvJobWithByteOrderMarkQuotesAndCrlfIsAccepted() {
        String source = funded("100.00");
        String employee = api.openWallet("KES");
        String csv = "\uFEFFreference,amount,currency,walletId,msisdn\r\n"
                + "\"EMP, senior\",1.50,KES,%s,\r\n".formatted(employee)
                + "\"EMP \"\"2\"\"\",2.00,KES,%s,\r\n".formatted(employee);
        Api.Response created = createCsv(source, csv.getBytes(StandardCharsets.UTF_8), UUID.randomUUID().toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("totalItems").asInt()).isEqualTo(2);
        assertThat(created.text("totalAmount")).isEqualTo("3.50");
        String jobId = created.text("jobId");
        JsonNode items = api.get("/api/v1/payroll/jobs/" + jobId + "/items").json().path("items");
        assertThat(items.get(0).path("reference").asText()).isEqualTo("EMP, senior");
        assertThat(items.get(1).path("reference").asText()).isEqualTo("EMP \"2\"");
    }

    @Test
    void malformedCsvIsRefusedAndCreatesNothing() {
        String source = funded("100.00");
        String employee = api.openWallet("KES");
        String header = "reference,amount,currency,walletId,msisdn\n";
        assertCsvRefused(source, ("reference,amount,currency,wallet\nA,1.00,KES," + employee + "\n")
                .getBytes(StandardCharsets.UTF_8), 400, "PAYROLL_CSV_INVALID");
        assertCsvRefused(source, (header + "\"A,1.00,KES," + employee + ",\n").getBytes(StandardCharsets.UTF_8),
                400, "PAYROLL_CSV_INVALID");
        assertCsvRefused(source, (header + "\"A\"x,1.00,KES," + employee + ",\n").getBytes(StandardCharsets.UTF_8),
                400, "PAYROLL_CSV_INVALID");
        byte[] latin1 = (header + "Jos\u00e9,1.00,KES," + employee + ",\n").getBytes(StandardCharsets.ISO_8859_1);
        assertCsvRefused(source, latin1, 400, "PAYROLL_CSV_INVALID");
        // No body at all is malformed, as for every operation.
        assertCsvRefused(source, new byte[0], 400, "MALFORMED_REQUEST");
        assertCsvRefused(source, header.getBytes(StandardCharsets.UTF_8), 400, "VALIDATION_FAILED");

        String key = UUID.randomUUID().toString();
        Api.Response lines = createCsv(source, (header + "A,1.00,KES," + employee + ",\nB,1.00,KES\nA,0,KES,"
                + employee + ",\n").getBytes(StandardCharsets.UTF_8), key);
        assertThat(lines.status()).isEqualTo(422);
        assertThat(lines.code()).isEqualTo("PAYROLL_JOB_INVALID");
        assertThat(lines.json().path("errors").get(0).path("line").asInt()).isEqualTo(3);
        assertThat(lines.json().path("errors").get(0).path("code").asText()).isEqualTo("PAYROLL_CSV_INVALID");
        assertNothingCreated(key);
    }

    @Test
    void moreThanTheMostItemsIsRefused() {
        String source = funded("100.00");
        String employee = api.openWallet("KES");
        StringBuilder csv = new StringBuilder("reference,amount,currency,walletId,msisdn\n");
        for (int i = 0; i <= 100_000; i++) {
            csv.append(i).append(",1,KES,").append(employee).append(",\n");
        }
        assertCsvRefused(source, csv.toString().getBytes(StandardCharsets.UTF_8), 400, "BATCH_TOO_LARGE");
    }

    private void assertCsvRefused(String source, byte[] csv, int status, String code) {
        String key = UUID.randomUUID().toString();
        Api.Response refused = createCsv(source, csv, key);
        assertThat(refused.status()).as(refused.body()).isEqualTo(status);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.code()).isEqualTo(code);
        assertNothingCreated(key);
    }

    private void assertNothingCreated(String key) {
        UUID jobId = IdempotencyKeys.deriveId("payroll-job", api.defaultNamespace(), key);
        assertThat(api.get("/api/v1/payroll/jobs/" + jobId).code()).isEqualTo("PAYROLL_JOB_NOT_FOUND");
    }

    private static String format(long minor) {
        return "%d.%02d".formatted(minor / 100, minor % 100);
    }
}
