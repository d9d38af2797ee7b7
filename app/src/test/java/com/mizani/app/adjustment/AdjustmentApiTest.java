package com.mizani.app.adjustment;

import com.fasterxml.jackson.databind.JsonNode;
import com.mizani.app.support.Api;
import com.mizani.app.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static com.mizani.app.audit.AuditViews.assertEachEventOnceInOrder;
import static com.mizani.app.audit.AuditViews.awaitRecord;
import static com.mizani.app.audit.AuditViews.entries;
import static com.mizani.app.audit.AuditViews.only;
import static com.mizani.app.audit.AuditViews.types;
import static com.mizani.app.audit.AuditViews.walletTrail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Manual adjustments over HTTP, on the real application: proposed by one operator, approved or rejected by another,
 * posted as one balanced pair against {@code adjustments:<CCY>}, never taking a wallet below zero, and audited with
 * who proposed and who approved.
 */
class AdjustmentApiTest extends IntegrationTest {

    private static final String MAKER = "ops.jane";
    private static final String CHECKER = "ops.amina";
    private static final String ADJUSTMENTS = "/api/v1/ops/adjustments";

    @AfterEach
    void ledgerStillSumsToZero() {
        JsonNode verify = api.get("/api/v1/ledger/verify").json();
        assertThat(verify.path("balanced").asBoolean()).as(verify.toString()).isTrue();
    }

    private Api.Response propose(String principal, String key, String walletId, String amount, String currency,
                                 String direction, String reason) {
        return api.as(principal).post(ADJUSTMENTS, """
                {"walletId":"%s","amount":"%s","currency":"%s","direction":"%s","reason":"%s"}"""
                .formatted(walletId, amount, currency, direction, reason), "Idempotency-Key", key);
    }

    private Api.Response propose(String walletId, String amount, String direction) {
        return propose(walletId, amount, "KES", direction, "ticket OPS-" + UUID.randomUUID());
    }

    /** A proposal by {@link #MAKER} under a fresh key. */
    private Api.Response propose(String walletId, String amount, String currency, String direction, String reason) {
        return propose(MAKER, UUID.randomUUID().toString(), walletId, amount, currency, direction, reason);
    }

    private Api.Response approve(String principal, String adjustmentId) {
        return api.as(principal).post(ADJUSTMENTS + "/" + adjustmentId + "/approve", "");
    }

    private Api.Response reject(String principal, String adjustmentId, String reason) {
        return api.as(principal).post(ADJUSTMENTS + "/" + adjustmentId + "/reject", "{\"reason\":\"%s\"}".formatted(reason));
    }

    private String fundedWallet(String amount) {
        String wallet = api.openWallet("KES");
        assertThat(api.deposit(wallet, amount, "KES").status()).isEqualTo(201);
        awaitAvailable(wallet, amount);
        return wallet;
    }

    private void awaitAvailable(String walletId, String amount) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.available(walletId)).isEqualTo(amount));
    }

    private JsonNode awaitAdjustment(String adjustmentId, String status) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> {
            Api.Response response = api.get(ADJUSTMENTS + "/" + adjustmentId);
            return response.status() == 200 ? response.json() : null;
        }, view -> view != null && status.equals(view.path("status").asText()));
    }

    private static List<String> postingsOf(JsonNode transaction) {
        return StreamSupport.stream(transaction.path("postings").spliterator(), false)
                .map(p -> p.path("account").asText() + " " + p.path("direction").asText() + " " + p.path("amount").asText()
                        + " " + p.path("kind").asText())
                .toList();
    }

    @Test
    void aCreditAdjustmentMovesNothingUntilAnotherOperatorApprovesItThenPostsOneBalancedPair() {
        String wallet = fundedWallet("100.00");
        String key = UUID.randomUUID().toString();
        Api.Response proposed = propose(MAKER, key, wallet, "25.50", "KES", "CREDIT", "ticket OPS-1182: fee charged twice");

        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        String adjustmentId = proposed.text("adjustmentId");
        assertThat(proposed.location()).endsWith(ADJUSTMENTS + "/" + adjustmentId);
        assertThat(proposed.text("walletId")).isEqualTo(wallet);
        assertThat(proposed.text("amount")).isEqualTo("25.50");
        assertThat(proposed.text("currency")).isEqualTo("KES");
        assertThat(proposed.text("direction")).isEqualTo("CREDIT");
        assertThat(proposed.text("reason")).isEqualTo("ticket OPS-1182: fee charged twice");
        assertThat(proposed.text("status")).isEqualTo("PENDING_APPROVAL");
        assertThat(proposed.text("proposedBy")).isEqualTo(api.principalOf(MAKER));
        assertThat(proposed.text("proposedAt")).isNotBlank();
        JsonNode pending = awaitAdjustment(adjustmentId, "PENDING_APPROVAL");
        assertThat(pending.path("proposedBy").asText()).isEqualTo(api.principalOf(MAKER));
        assertThat(api.available(wallet)).as("a proposal moves nothing").isEqualTo("100.00");
        assertThat(api.get("/api/v1/transactions/" + adjustmentId).code()).isEqualTo("TRANSACTION_NOT_FOUND");

        Api.Response selfApproved = approve(MAKER, adjustmentId);
        assertThat(selfApproved.status()).isEqualTo(403);
        assertThat(selfApproved.isProblem()).isTrue();
        assertThat(selfApproved.code()).isEqualTo("PROPOSER_CANNOT_DECIDE");
        assertThat(reject(MAKER, adjustmentId, "never mind").code()).isEqualTo("PROPOSER_CANNOT_DECIDE");

        Api.Response approved = api.as(CHECKER).post(ADJUSTMENTS + "/" + adjustmentId + "/approve",
                "{\"reason\":\"matches the ticket\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("APPROVED");
        assertThat(approved.text("approvedBy")).isEqualTo(api.principalOf(CHECKER));
        assertThat(approved.text("decisionReason")).isEqualTo("matches the ticket");
        awaitAvailable(wallet, "125.50");

        // The approver repeating itself, or a repeated proposal, answers the adjustment as it is: the money moved once.
        Api.Response repeated = approve(CHECKER, adjustmentId);
        assertThat(repeated.status()).isEqualTo(200);
        assertThat(repeated.text("status")).isEqualTo("APPROVED");
        Api.Response reproposed = propose(MAKER, key, wallet, "25.50", "KES", "CREDIT", "ticket OPS-1182: fee charged twice");
        assertThat(reproposed.status()).isEqualTo(201);
        assertThat(reproposed.text("adjustmentId")).isEqualTo(adjustmentId);
        assertThat(reproposed.text("status")).isEqualTo("APPROVED");
        assertThat(approve("ops.third", adjustmentId).code()).isEqualTo("ADJUSTMENT_NOT_PENDING");

        JsonNode transaction = await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/api/v1/transactions/" + adjustmentId), r -> r.status() == 200).json();
        assertThat(transaction.path("balanced").asBoolean()).isTrue();
        assertThat(postingsOf(transaction)).containsExactly(wallet + " CREDIT 25.50 ADJUSTMENT",
                "adjustments:KES DEBIT 25.50 ADJUSTMENT");
        assertThat(api.available(wallet)).isEqualTo("125.50");
        assertThat(awaitAdjustment(adjustmentId, "APPROVED").path("approvedBy").asText()).isEqualTo(api.principalOf(CHECKER));

        JsonNode statement = api.get("/api/v1/wallets/" + wallet
                + "/statement?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z").json();
        JsonNode line = statement.path("entries").get(1);
        assertThat(line.path("kind").asText()).isEqualTo("ADJUSTMENT");
        assertThat(line.path("contraAccount").asText()).isEqualTo("adjustments:KES");
        assertThat(line.path("transactionId").asText()).isEqualTo(adjustmentId);
        assertThat(statement.path("closingBalance").asText()).isEqualTo("125.50");

        JsonNode invariants = api.get("/api/v1/ops/invariants").json();
        assertThat(invariants.path("healthy").asBoolean()).as(invariants.toString()).isTrue();
    }

    @Test
    void theAuditRecordShowsWhoProposedWhoApprovedAndTheWalletLeg() {
        String wallet = fundedWallet("10.00");
        String adjustmentId = propose(wallet, "5.00", "CREDIT").text("adjustmentId");
        // As curl sends it: no body, no Content-Type.
        Api.Response approved = api.as(CHECKER).send(HttpRequest.newBuilder(
                api.uri(ADJUSTMENTS + "/" + adjustmentId + "/approve")).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        JsonNode record = awaitRecord(api, "/api/v1/audit/adjustments/" + adjustmentId,
                view -> "APPROVED".equals(view.path("status").asText()));
        assertThat(types(record)).containsExactly("AdjustmentProposed", "WalletCredited", "AdjustmentApproved");
        assertEachEventOnceInOrder(entries(record));
        JsonNode proposal = only(record, "AdjustmentProposed");
        assertThat(proposal.path("actor").asText()).isEqualTo(api.principalOf(MAKER));
        assertThat(proposal.path("command").asText()).isEqualTo("ProposeAdjustmentCommand");
        assertThat(proposal.path("details").path("proposedBy").asText()).isEqualTo(api.principalOf(MAKER));
        assertThat(proposal.path("details").path("direction").asText()).isEqualTo("CREDIT");
        JsonNode leg = only(record, "WalletCredited");
        assertThat(leg.path("actor").asText()).isEqualTo(api.principalOf(CHECKER));
        assertThat(leg.path("command").asText()).isEqualTo("CreditWalletCommand");
        assertThat(leg.path("details").path("kind").asText()).isEqualTo("ADJUSTMENT");
        assertThat(leg.path("details").path("contraAccount").asText()).isEqualTo("adjustments:KES");
        JsonNode approval = only(record, "AdjustmentApproved");
        assertThat(approval.path("actor").asText()).isEqualTo(api.principalOf(CHECKER));
        assertThat(approval.path("details").path("proposedBy").asText()).isEqualTo(api.principalOf(MAKER));
        assertThat(approval.path("details").path("approvedBy").asText()).isEqualTo(api.principalOf(CHECKER));
        // The approval is one conversation: the leg and the decision share the approval request's root.
        assertThat(leg.path("correlationId").asText()).isEqualTo(approval.path("correlationId").asText())
                .isNotEqualTo(proposal.path("correlationId").asText());
        assertThat(leg.path("causationId").asText()).isNotEqualTo(approval.path("causationId").asText());

        List<JsonNode> trail = walletTrail(api, wallet, 50);
        JsonNode walletLeg = trail.getLast().path("event");
        assertThat(walletLeg.path("eventId").asText()).isEqualTo(leg.path("eventId").asText());
        assertThat(walletLeg.path("actor").asText()).isEqualTo(api.principalOf(CHECKER));
        assertThat(walletLeg.path("details").path("transactionId").asText()).isEqualTo(adjustmentId);
    }

    @Test
    void aDebitAdjustmentNeverTakesAWalletBelowZero() {
        String wallet = fundedWallet("100.00");
        String tooMuch = propose(wallet, "150.00", "DEBIT").text("adjustmentId");

        Api.Response refused = approve(CHECKER, tooMuch);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(refused.text("adjustmentId")).isEqualTo(tooMuch);
        JsonNode failed = awaitAdjustment(tooMuch, "FAILED");
        assertThat(failed.path("failureCode").asText()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(failed.path("approvedBy").asText()).isEqualTo(api.principalOf(CHECKER));
        // The approver asking again gets the same answer; a failed adjustment is final for everyone else.
        assertThat(approve(CHECKER, tooMuch).code()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(approve("ops.third", tooMuch).code()).isEqualTo("ADJUSTMENT_NOT_PENDING");
        assertThat(api.get("/api/v1/transactions/" + tooMuch).code()).isEqualTo("TRANSACTION_NOT_FOUND");
        JsonNode record = awaitRecord(api, "/api/v1/audit/adjustments/" + tooMuch,
                view -> "FAILED".equals(view.path("status").asText()));
        assertThat(types(record)).containsExactly("AdjustmentProposed", "AdjustmentFailed");
        assertThat(only(record, "AdjustmentFailed").path("details").path("code").asText()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(api.available(wallet)).isEqualTo("100.00");

        // All that is available may go, and not a cent more.
        String all = propose(wallet, "100.00", "DEBIT").text("adjustmentId");
        Api.Response approved = approve(CHECKER, all);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("APPROVED");
        awaitAvailable(wallet, "0.00");
        String oneMore = propose(wallet, "0.01", "DEBIT").text("adjustmentId");
        assertThat(approve(CHECKER, oneMore).code()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(api.wallet(wallet).path("total").asText()).isEqualTo("0.00");

        JsonNode transaction = await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/api/v1/transactions/" + all), r -> r.status() == 200).json();
        assertThat(transaction.path("balanced").asBoolean()).isTrue();
        assertThat(postingsOf(transaction)).containsExactly(wallet + " DEBIT 100.00 ADJUSTMENT",
                "adjustments:KES CREDIT 100.00 ADJUSTMENT");
        JsonNode verify = api.get("/api/v1/ledger/verify").json();
        assertThat(verify.path("negativeWallets").asLong()).isZero();
    }

    @Test
    void aRejectedAdjustmentNeverMovesMoney() {
        String wallet = fundedWallet("50.00");
        String adjustmentId = propose(wallet, "20.00", "DEBIT").text("adjustmentId");

        Api.Response rejected = reject(CHECKER, adjustmentId, "the ticket names another wallet");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.text("status")).isEqualTo("REJECTED");
        assertThat(rejected.text("rejectedBy")).isEqualTo(api.principalOf(CHECKER));
        assertThat(rejected.text("decisionReason")).isEqualTo("the ticket names another wallet");
        assertThat(reject(CHECKER, adjustmentId, "the ticket names another wallet").status()).isEqualTo(200);
        Api.Response late = approve("ops.third", adjustmentId);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("ADJUSTMENT_NOT_PENDING");
        assertThat(approve(CHECKER, adjustmentId).code()).isEqualTo("ADJUSTMENT_NOT_PENDING");

        assertThat(awaitAdjustment(adjustmentId, "REJECTED").path("rejectedBy").asText()).isEqualTo(api.principalOf(CHECKER));
        JsonNode record = awaitRecord(api, "/api/v1/audit/adjustments/" + adjustmentId,
                view -> "REJECTED".equals(view.path("status").asText()));
        assertThat(types(record)).containsExactly("AdjustmentProposed", "AdjustmentRejected");
        assertThat(only(record, "AdjustmentRejected").path("actor").asText()).isEqualTo(api.principalOf(CHECKER));
        assertThat(api.available(wallet)).isEqualTo("50.00");
        assertThat(api.get("/api/v1/transactions/" + adjustmentId).code()).isEqualTo("TRANSACTION_NOT_FOUND");
    }

    @Test
    void proposalsAreIdempotentPerProposerAndKeyAndNameAWalletThatCanHoldTheMoney() {
        String wallet = fundedWallet("10.00");
        String key = UUID.randomUUID().toString();
        Api.Response first = propose(MAKER, key, wallet, "1.00", "KES", "CREDIT", "ticket OPS-7");
        Api.Response repeat = propose(MAKER, key, wallet, "1.00", "KES", "CREDIT", "ticket OPS-7");
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.body()).isEqualTo(first.body());
        Api.Response reused = propose(MAKER, key, wallet, "2.00", "KES", "CREDIT", "ticket OPS-7");
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        Api.Response otherProposer = propose(CHECKER, key, wallet, "1.00", "KES", "CREDIT", "ticket OPS-7");
        assertThat(otherProposer.status()).isEqualTo(201);
        assertThat(otherProposer.text("adjustmentId")).isNotEqualTo(first.text("adjustmentId"));
        assertThat(otherProposer.text("proposedBy")).isEqualTo(api.principalOf(CHECKER));

        Api.Response noKey = api.as(MAKER).post(ADJUSTMENTS, """
                {"walletId":"%s","amount":"1.00","currency":"KES","direction":"CREDIT","reason":"r"}""".formatted(wallet));
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.code()).isEqualTo("IDEMPOTENCY_KEY_MISSING");
        assertRefused(propose(UUID.randomUUID().toString(), "1.00", "KES", "CREDIT", "r"), 404, "WALLET_NOT_FOUND");
        assertRefused(propose(wallet, "1", "UGX", "CREDIT", "r"), 422, "CURRENCY_MISMATCH");
        assertRefused(propose(wallet, "1.00", "", "CREDIT", "r"), 400, "VALIDATION_FAILED");
        assertRefused(propose(wallet, "1.00", "KES", "SIDEWAYS", "r"), 400, "VALIDATION_FAILED");
        assertRefused(propose(wallet, "1.00", "KES", "CREDIT", " "), 400, "VALIDATION_FAILED");
        assertRefused(propose(wallet, "1.00", "KES", "CREDIT", "r".repeat(501)), 400, "VALIDATION_FAILED");
        assertRefused(propose(wallet, "-1.00", "KES", "DEBIT", "r"), 400, "INVALID_AMOUNT");
        assertRefused(propose(wallet, "1.001", "KES", "DEBIT", "r"), 400, "INVALID_AMOUNT");
        assertRefused(propose("not-a-wallet", "1.00", "KES", "DEBIT", "r"), 400, "INVALID_ID");
        assertThat(api.available(wallet)).isEqualTo("10.00");

        String unknown = UUID.randomUUID().toString();
        assertRefused(approve(CHECKER, unknown), 404, "ADJUSTMENT_NOT_FOUND");
        assertRefused(reject(CHECKER, unknown, "r"), 404, "ADJUSTMENT_NOT_FOUND");
        assertRefused(api.get(ADJUSTMENTS + "/" + unknown), 404, "ADJUSTMENT_NOT_FOUND");
        assertRefused(api.get("/api/v1/audit/adjustments/" + unknown), 404, "AUDIT_RECORD_NOT_FOUND");
        assertRefused(reject(CHECKER, first.text("adjustmentId"), ""), 400, "VALIDATION_FAILED");
        assertRefused(api.as(CHECKER).post(ADJUSTMENTS + "/not-an-id/approve", ""), 400, "INVALID_ID");
    }

    private static void assertRefused(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.isProblem()).as(response.body()).isTrue();
        assertThat(response.code()).isEqualTo(code);
    }

    @Test
    void theCheckersInboxListsPendingAdjustmentsOldestFirstPageByPage() {
        String wallet = fundedWallet("10.00");
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(propose(wallet, "1.0" + i, "CREDIT").text("adjustmentId"));
        }
        String decided = propose(wallet, "2.00", "CREDIT").text("adjustmentId");
        assertThat(reject(CHECKER, decided, "duplicate").status()).isEqualTo(200);
        awaitAdjustment(decided, "REJECTED");
        mine.forEach(id -> awaitAdjustment(id, "PENDING_APPROVAL"));

        List<JsonNode> inbox = new ArrayList<>();
        String cursor = null;
        do {
            Api.Response page = api.get(ADJUSTMENTS + "?status=PENDING_APPROVAL&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.json().path("items").size()).isLessThanOrEqualTo(2);
            page.json().path("items").forEach(inbox::add);
            cursor = page.json().path("nextCursor").asText(null);
        } while (cursor != null);

        assertThat(inbox).extracting(item -> item.path("status").asText()).containsOnly("PENDING_APPROVAL");
        List<String> ids = inbox.stream().map(item -> item.path("adjustmentId").asText()).toList();
        assertThat(ids).doesNotHaveDuplicates().doesNotContain(decided);
        assertThat(ids.stream().filter(mine::contains).toList()).containsExactlyElementsOf(mine);
        JsonNode all = api.get(ADJUSTMENTS + "?limit=500").json();
        assertThat(all.path("items").findValuesAsText("adjustmentId")).contains(decided);

        assertRefused(api.get(ADJUSTMENTS + "?status=MAYBE"), 400, "VALIDATION_FAILED");
        assertRefused(api.get(ADJUSTMENTS + "?limit=0"), 400, "VALIDATION_FAILED");
        assertRefused(api.get(ADJUSTMENTS + "?limit=501"), 400, "VALIDATION_FAILED");
        assertRefused(api.get(ADJUSTMENTS + "?cursor=forged"), 400, "INVALID_CURSOR");
    }
}
