package com.mizani.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.mizani.app.support.Api;
import com.mizani.app.support.Tokens;
import com.mizani.app.support.Callbacks;
import com.mizani.app.support.PaymentTestSupport;
import com.mizani.providersim.Faults;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
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

/** The MongoDB audit views over HTTP: what happened, when, why and on whose behalf, with customers' data masked. */
class AuditViewTest extends PaymentTestSupport {

    private static final String CLIENT = "audit-test";
    private static final List<String> CLIENT_ROLES = List.of("service");

    /** The client the requests of these tests come from. */
    private Api client() {
        return api.asClient(CLIENT, CLIENT_ROLES, null);
    }

    /** How the audit trail names that client: by the id the issuer gave it. */
    private String clientActor() {
        return "client:" + Tokens.clientIdOf(port, CLIENT, CLIENT_ROLES, null);
    }

    @Test
    void aTransferShowsItsLifecycleAndMoneyMovingInOrderWithActorAndCausation() {
        String source = fundedKesWallet("500.00");
        String destination = api.openWallet("KES");
        Api.Response transferred = transfer(source, destination, "120.00");
        assertThat(transferred.status()).isEqualTo(201);
        String transferId = transferred.text("transferId");

        JsonNode record = awaitRecord(api, "/api/v1/audit/transfers/" + transferId,
                view -> "COMPLETED".equals(view.path("status").asText()));

        assertThat(types(record)).containsExactly("TransferRequested", "WalletDebited", "WalletCredited", "TransferCompleted");
        assertEachEventOnceInOrder(entries(record));
        JsonNode requested = only(record, "TransferRequested");
        JsonNode debited = only(record, "WalletDebited");
        // One request, one conversation: every entry acts for the client and shares the request command's id as root.
        String root = requested.path("correlationId").asText();
        assertThat(root).isNotBlank();
        for (JsonNode entry : entries(record)) {
            assertThat(entry.path("actor").asText()).isEqualTo(clientActor());
            assertThat(entry.path("roles").asText()).as("the roles the client held").isEqualTo("service");
            assertThat(entry.path("correlationId").asText()).isEqualTo(root);
            assertThat(entry.path("at").asText()).isNotBlank();
        }
        assertThat(requested.path("command").asText()).isEqualTo("RequestTransferCommand");
        assertThat(requested.path("causationId").asText()).isEqualTo(root);
        // A wallet leg is caused by the wallet command the transfer sent, itself caused by the request.
        assertThat(debited.path("command").asText()).isEqualTo("DebitWalletCommand");
        assertThat(debited.path("causationId").asText()).isNotEqualTo(root).isNotBlank();
        assertThat(debited.path("details").path("walletId").asText()).isEqualTo(source);
        assertThat(debited.path("details").path("kind").asText()).isEqualTo("TRANSFER_OUT");
        assertThat(debited.path("details").path("amount").path("amount").asText()).isEqualTo("120.00");
        assertThat(only(record, "WalletCredited").path("details").path("walletId").asText()).isEqualTo(destination);
    }

    @Test
    void aCorrelationIdFindsEverythingItsRequestTouchedAndNothingElse() {
        String source = fundedKesWallet("500.00");
        String destination = api.openWallet("KES");
        String transferId = transfer(source, destination, "20.00").text("transferId");
        String unrelated = transfer(source, api.openWallet("KES"), "5.00").text("transferId");
        JsonNode record = awaitRecord(api, "/api/v1/audit/transfers/" + transferId,
                view -> "COMPLETED".equals(view.path("status").asText()));
        String root = only(record, "TransferRequested").path("correlationId").asText();

        JsonNode found = awaitRecord(api, "/api/v1/audit/correlations/" + root,
                view -> view.path("matches").size() == 3);
        assertThat(found.path("correlationId").asText()).isEqualTo(root);
        assertThat(found.path("truncated").asBoolean()).isFalse();
        List<String> matches = StreamSupport.stream(found.path("matches").spliterator(), false)
                .map(match -> match.path("kind").asText() + " " + match.path("id").asText() + " "
                        + match.path("status").asText())
                .toList();
        assertThat(matches).containsExactlyInAnyOrder("TRANSFER " + transferId + " COMPLETED",
                "WALLET " + source + " null", "WALLET " + destination + " null");
        assertThat(matches).noneMatch(match -> match.contains(unrelated));

        Api.Response none = api.get("/api/v1/audit/correlations/" + UUID.randomUUID());
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.code()).isEqualTo("AUDIT_RECORD_NOT_FOUND");
        assertThat(api.get("/api/v1/audit/correlations/not-an-id").status()).isEqualTo(400);
    }

    @Test
    void aRefusedTransferShowsTheRefusalAndNoMoney() {
        String source = fundedKesWallet("10.00");
        String destination = api.openWallet("KES");
        Api.Response refused = transfer(source, destination, "50.00");
        assertThat(refused.code()).isEqualTo("INSUFFICIENT_FUNDS");
        String transferId = refused.text("transferId");

        JsonNode record = awaitRecord(api, "/api/v1/audit/transfers/" + transferId,
                view -> "REJECTED".equals(view.path("status").asText()));
        assertThat(types(record)).containsExactly("TransferRequested", "TransferRejected");
        assertThat(only(record, "TransferRejected").path("details").path("code").asText()).isEqualTo("INSUFFICIENT_FUNDS");
    }

    @Test
    void aPayoutShowsProviderAnswersDuplicateAndRefusedCallbacksWithTheNumberMasked() throws Exception {
        faults(Faults.NONE.withDuplicateCallbackRate(1.0));
        String wallet = fundedKesWallet("1000.00");
        Api.Response accepted = client().post("/api/v1/withdrawals", """
                {"walletId":"%s","amount":"200","currency":"KES","msisdn":"%s"}""".formatted(wallet, MSISDN),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(accepted.status()).isEqualTo(202);
        String paymentId = accepted.text("paymentId");
        awaitStatus(paymentId, "SETTLED");
        String unsignedBody = Callbacks.b2cSuccess(paymentId, 200, MSISDN);
        assertThat(Callbacks.post(api, "/b2c/result", unsignedBody, null).status()).isEqualTo(401);

        JsonNode record = awaitRecord(api, "/api/v1/audit/payments/" + paymentId,
                view -> "SETTLED".equals(view.path("status").asText()) && types(view).contains("ProviderResultIgnored"));

        assertThat(record.toString()).doesNotContain(MSISDN).contains("2547*****149");
        assertEachEventOnceInOrder(entries(record));
        assertThat(types(record)).containsSubsequence("WithdrawalRequested", "FundsReserved", "WithdrawalReserved",
                "WalletDebited", "WalletDebited", "ReservationCaptured", "PaymentConfirmed", "ProviderResultIgnored");
        JsonNode requested = only(record, "WithdrawalRequested");
        assertThat(requested.path("actor").asText()).isEqualTo(clientActor());
        assertThat(requested.path("details").path("msisdn").asText()).isEqualTo("2547*****149");
        // The saga's acknowledgement still acts for the client, in the same conversation. (It is absent when the
        // callback overtook the provider's synchronous answer: a settled payment ignores a late acknowledgement.)
        entries(record).stream().filter(entry -> "PaymentSubmitted".equals(entry.path("type").asText())).forEach(submitted -> {
            assertThat(submitted.path("actor").asText()).isEqualTo(clientActor());
            assertThat(submitted.path("command").asText()).isEqualTo("MarkPaymentSubmittedCommand");
            assertThat(submitted.path("correlationId").asText()).isEqualTo(requested.path("correlationId").asText());
        });
        // The callbacks act for the provider: the first settles (its capture in the same conversation), the
        // duplicate is kept with why it changed nothing.
        JsonNode confirmed = only(record, "PaymentConfirmed");
        assertThat(confirmed.path("actor").asText()).isEqualTo("provider:mpesa");
        assertThat(confirmed.path("command").asText()).isEqualTo("ApplyProviderResultCommand");
        assertThat(confirmed.path("details").path("evidence").asText()).isEqualTo("CALLBACK");
        assertThat(confirmed.path("correlationId").asText()).isNotEqualTo(requested.path("correlationId").asText());
        JsonNode captured = only(record, "ReservationCaptured");
        assertThat(captured.path("actor").asText()).isEqualTo("provider:mpesa");
        assertThat(captured.path("command").asText()).isEqualTo("CaptureReservationCommand");
        assertThat(captured.path("correlationId").asText()).isEqualTo(confirmed.path("correlationId").asText());
        JsonNode duplicate = only(record, "ProviderResultIgnored");
        assertThat(duplicate.path("actor").asText()).isEqualTo("provider:mpesa");
        assertThat(duplicate.path("details").path("reason").asText()).contains("SETTLED");
        assertThat(duplicate.path("details").path("result").path("msisdn").asText()).isEqualTo("2547*****149");
        List<String> legs = entries(record).stream().filter(entry -> "WalletDebited".equals(entry.path("type").asText()))
                .map(entry -> entry.path("details").path("kind").asText()).toList();
        assertThat(legs).containsExactly("WITHDRAWAL", "FEE");

        // The unsigned callback was refused before it was read, so it names no payment: it is listed apart.
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(unsignedBody.getBytes(StandardCharsets.UTF_8)));
        JsonNode refused = await().until(() -> refusedCallbackWithDigest(digest), found -> found != null);
        assertThat(refused.path("type").asText()).isEqualTo("ProviderCallbackRefused");
        assertThat(refused.path("actor").asText()).isEqualTo("provider:mpesa");
        assertThat(refused.path("details").path("reason").asText()).isEqualTo("signature missing");
        assertThat(refused.path("details").path("endpoint").asText()).isEqualTo("/b2c/result");
    }

    @Test
    void aStatusQuerySentByADeadlineStillActsForTheClient() {
        faults(Faults.NONE.withLostCallbackRate(1.0));
        String wallet = fundedKesWallet("1000.00");
        String paymentId = client().post("/api/v1/withdrawals", """
                {"walletId":"%s","amount":"300","currency":"KES","msisdn":"%s"}""".formatted(wallet, MSISDN),
                "Idempotency-Key", UUID.randomUUID().toString()).text("paymentId");
        awaitStatus(paymentId, "SUBMITTED");
        faults(Faults.NONE);
        awaitStatus(paymentId, "SETTLED");

        JsonNode record = awaitRecord(api, "/api/v1/audit/payments/" + paymentId,
                view -> "SETTLED".equals(view.path("status").asText()));
        String root = only(record, "WithdrawalRequested").path("correlationId").asText();
        JsonNode queried = entries(record).stream()
                .filter(entry -> "PaymentStatusQueried".equals(entry.path("type").asText())).findFirst().orElseThrow();
        assertThat(queried.path("actor").asText()).isEqualTo(clientActor());
        assertThat(queried.path("command").asText()).isEqualTo("RecordStatusQueryCommand");
        assertThat(queried.path("correlationId").asText()).isEqualTo(root);
    }

    @Test
    void aReviewedPayoutShowsEveryProposalAndDecisionWithWhoMadeIt() {
        faults(Faults.NONE.withLostCallbackRate(1.0));
        String wallet = fundedKesWallet("1000.00");
        String paymentId = withdraw(wallet, "100").text("paymentId");
        // The provider's result comes after it accepted the request, as it would: an acceptance recorded after the
        // decision would be an extra (ignored) provider result in the trail.
        awaitStatus(paymentId, "SUBMITTED");
        String body = Callbacks.b2cSuccess(paymentId, 900, MSISDN);
        assertThat(Callbacks.post(api, "/b2c/result", body, Callbacks.sign(body, Callbacks.SECRET)).status()).isEqualTo(200);
        awaitStatus(paymentId, "MANUAL_REVIEW");
        faults(Faults.NONE);

        assertThat(proposeResolution(MAKER, paymentId, "{\"outcome\":\"NOT_PAID\",\"reason\":\"call 0712345678\"}")
                .status()).isEqualTo(202);
        assertThat(rejectResolution(CHECKER, paymentId, "the statement shows it paid").status()).isEqualTo(200);
        assertThat(proposeResolution(CHECKER, paymentId, "{\"outcome\":\"PAID\",\"reason\":\"statement line TESTRCPT01\"}")
                .status()).isEqualTo(202);
        assertThat(approveResolution(MAKER, paymentId).status()).isEqualTo(200);

        JsonNode record = awaitRecord(api, "/api/v1/audit/payments/" + paymentId,
                view -> "SETTLED".equals(view.path("status").asText()));
        assertEachEventOnceInOrder(entries(record));
        List<JsonNode> decisions = entries(record).stream()
                .filter(entry -> entry.path("type").asText().startsWith("PaymentResolution")).toList();
        assertThat(decisions).extracting(entry -> entry.path("type").asText() + " " + entry.path("actor").asText())
                .containsExactly("PaymentResolutionProposed " + api.principalOf(MAKER),
                        "PaymentResolutionRejected " + api.principalOf(CHECKER),
                        "PaymentResolutionProposed " + api.principalOf(CHECKER),
                        "PaymentResolutionApproved " + api.principalOf(MAKER));
        assertThat(decisions.get(0).path("details").path("proposedBy").asText()).isEqualTo(api.principalOf(MAKER));
        assertThat(decisions.get(0).path("details").path("reason").asText()).as("numbers in free text are masked")
                .isEqualTo("call 0712***678");
        assertThat(decisions.get(1).path("details").path("rejectedBy").asText()).isEqualTo(api.principalOf(CHECKER));
        assertThat(decisions.get(1).path("details").path("proposedBy").asText()).isEqualTo(api.principalOf(MAKER));
        assertThat(decisions.get(3).path("details").path("approvedBy").asText()).isEqualTo(api.principalOf(MAKER));
        assertThat(decisions.get(3).path("details").path("proposedBy").asText()).isEqualTo(api.principalOf(CHECKER));
        assertThat(decisions.get(3).path("command").asText()).isEqualTo("ApprovePaymentResolutionCommand");
        JsonNode resolved = only(record, "PaymentReviewResolved");
        assertThat(resolved.path("details").path("operator").asText()).isEqualTo(api.principalOf(CHECKER));
        assertThat(resolved.path("correlationId").asText()).isEqualTo(decisions.get(3).path("correlationId").asText());
        List<String> types = types(record);
        List<String> afterApproval = types.subList(types.indexOf("PaymentResolutionApproved"), types.size());
        assertThat(afterApproval).containsExactly("PaymentResolutionApproved", "PaymentReviewResolved", "WalletDebited",
                "WalletDebited", "ReservationCaptured", "PaymentConfirmed");
    }

    @Test
    void aWalletsTrailIsPagedInItsOwnOrderWithEveryEventOnce() {
        String wallet = fundedKesWallet("300.00");
        String other = api.openWallet("KES");
        assertThat(transfer(wallet, other, "10.00").status()).isEqualTo(201);
        assertThat(transfer(wallet, other, "20.00").status()).isEqualTo(201);
        assertThat(transfer(other, wallet, "5.00").status()).isEqualTo(201);

        await().untilAsserted(() -> assertThat(walletTrail(api, wallet, 2)).hasSize(5));
        List<JsonNode> trail = walletTrail(api, wallet, 2);
        assertThat(trail).extracting(item -> item.path("walletSequence").asLong()).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(trail).extracting(item -> item.path("event").path("type").asText())
                .containsExactly("WalletOpened", "WalletCredited", "WalletDebited", "WalletDebited", "WalletCredited");
        assertThat(trail).extracting(item -> item.path("walletId").asText()).containsOnly(wallet);
        assertEachEventOnceInOrder(trail.stream().map(item -> item.path("event")).toList());
        assertThat(trail.get(2).path("event").path("actor").asText()).isEqualTo(clientActor());
    }

    @Test
    void unknownRecordsAre404AndBadInputIs400() {
        for (String path : List.of("/api/v1/audit/transfers/", "/api/v1/audit/payments/", "/api/v1/audit/wallets/")) {
            Api.Response unknown = api.get(path + UUID.randomUUID());
            assertThat(unknown.status()).as(path).isEqualTo(404);
            assertThat(unknown.isProblem()).isTrue();
            assertThat(unknown.code()).isEqualTo("AUDIT_RECORD_NOT_FOUND");

            Api.Response badId = api.get(path + "not-a-uuid");
            assertThat(badId.status()).as(path).isEqualTo(400);
            assertThat(badId.isProblem()).isTrue();
            assertThat(badId.code()).isEqualTo("INVALID_ID");
        }
        String wallet = api.openWallet("KES");
        for (String limit : List.of("0", "501", "-1", "many")) {
            Api.Response badLimit = api.get("/api/v1/audit/wallets/" + wallet + "?limit=" + limit);
            assertThat(badLimit.status()).as(limit).isEqualTo(400);
            assertThat(badLimit.code()).isEqualTo("VALIDATION_FAILED");
        }
        Api.Response badCursor = api.get("/api/v1/audit/wallets/" + wallet + "?cursor=forged");
        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(badCursor.isProblem()).isTrue();
        assertThat(badCursor.code()).isEqualTo("INVALID_CURSOR");
        assertThat(api.get("/api/v1/audit/refused-callbacks?limit=0").code()).isEqualTo("VALIDATION_FAILED");
    }

    private Api.Response transfer(String source, String destination, String amount) {
        return client().post("/api/v1/transfers", Api.transferJson(source, destination, amount, "KES"),
                "Idempotency-Key", UUID.randomUUID().toString());
    }

    private JsonNode refusedCallbackWithDigest(String digest) {
        String cursor = null;
        do {
            JsonNode page = api.get("/api/v1/audit/refused-callbacks?limit=100"
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            for (JsonNode entry : page.path("items")) {
                if (digest.equals(entry.path("details").path("bodySha256").asText())) {
                    return entry;
                }
            }
            cursor = page.path("nextCursor").asText(null);
        } while (cursor != null);
        return null;
    }
}
