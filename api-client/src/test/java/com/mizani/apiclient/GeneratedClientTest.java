package com.mizani.apiclient;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mizani.apiclient.generated.ApiClient;
import com.mizani.apiclient.generated.ApiException;
import com.mizani.apiclient.generated.ApiResponse;
import com.mizani.apiclient.generated.api.AdminApi;
import com.mizani.apiclient.generated.api.DepositsApi;
import com.mizani.apiclient.generated.api.LedgerApi;
import com.mizani.apiclient.generated.api.PaymentsApi;
import com.mizani.apiclient.generated.api.TransfersApi;
import com.mizani.apiclient.generated.api.WalletsApi;
import com.mizani.apiclient.generated.model.ClientWithSecret;
import com.mizani.apiclient.generated.model.DepositRequest;
import com.mizani.apiclient.generated.model.DepositView;
import com.mizani.apiclient.generated.model.EntryView;
import com.mizani.apiclient.generated.model.NewClient;
import com.mizani.apiclient.generated.model.OpenWalletRequest;
import com.mizani.apiclient.generated.model.PaymentDetails;
import com.mizani.apiclient.generated.model.Problem;
import com.mizani.apiclient.generated.model.TransferRequest;
import com.mizani.apiclient.generated.model.TransferView;
import com.mizani.apiclient.generated.model.WalletView;
import com.mizani.apiclient.generated.model.WithdrawalAccepted;
import com.mizani.apiclient.generated.model.WithdrawalRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Java client generated from docs/openapi.json against the real, packaged application: the README's flow (clients,
 * wallets, a cash deposit, an idempotent transfer, entries, a payout through the simulator) and two refusals. When the
 * document lies, this fails: a body field it does not list fails decoding, and a status it does not declare fails
 * {@link Documented}.
 */
class GeneratedClientTest {

    /** Reads come from projections, which follow the commands within milliseconds; payouts take the simulator's time. */
    private static final Duration READ_MODEL = Duration.ofSeconds(30);
    /** The M-Pesa number of docs/payments.md's examples; the simulator pays it. */
    private static final String MSISDN = "254708374149";
    private static final EnumSet<PaymentDetails.StatusEnum> FINAL_PAYMENT_STATUSES = EnumSet.of(
            PaymentDetails.StatusEnum.SETTLED, PaymentDetails.StatusEnum.FAILED, PaymentDetails.StatusEnum.REJECTED);

    private static final HttpClient HTTP = HttpClient.newBuilder()
            // Plain HTTP/1.1: the JDK's default would try an h2c upgrade the app does not offer.
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    /** The generated client's mapper, made strict: a response property the document does not list fails. */
    private static final ObjectMapper MAPPER = ApiClient.createDefaultObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static MizaniProcess mizani;
    private static Documented documented;
    private static ApiClient service;
    private static ApiClient teller;

    @BeforeAll
    static void startMizaniAndSignIn() throws Exception {
        documented = Documented.by(Path.of(System.getProperty("mizani.openapi-document", "../docs/openapi.json")), MAPPER);
        mizani = MizaniProcess.start();
        AdminApi admin = new AdminApi(clientWith(token("mizani-admin", mizani.adminSecret())));
        service = clientWith(tokenOfNewClient(admin, "Wallet app", "service"));
        teller = clientWith(tokenOfNewClient(admin, "Cashier desk", "teller"));
    }

    @AfterAll
    static void stopMizani() {
        if (mizani != null) {
            mizani.close();
        }
    }

    @Test
    void movesMoneyOnceForARepeatedTransferAndKeepsARunningBalance() {
        WalletView alice = openWallet();
        WalletView bob = openWallet();
        assertThat(alice.getStatus()).isEqualTo(WalletView.StatusEnum.ACTIVE);
        assertThat(alice.getAvailable()).isEqualTo("0.00");
        DepositView deposit = depositCash(alice, "1500.00");
        assertThat(deposit.getStatus()).isEqualTo(DepositView.StatusEnum.SETTLED);
        assertThat(deposit.getMethod()).isEqualTo(DepositView.MethodEnum.CASH);

        TransfersApi transfers = new TransfersApi(service);
        String key = "tx-" + UUID.randomUUID();
        TransferRequest request = new TransferRequest().sourceWalletId(alice.getWalletId())
                .destinationWalletId(bob.getWalletId()).amount("250.75").currency("KES");
        ApiResponse<TransferView> first = documented.answer("createTransfer",
                () -> transfers.createTransferWithHttpInfo(key, request, null));
        assertThat(first.getStatusCode()).as("the final outcome within the wait").isEqualTo(201);
        TransferView transfer = first.getData();
        assertThat(transfer.getStatus()).isEqualTo(TransferView.StatusEnum.COMPLETED);
        assertThat(transfer.getAmount()).isEqualTo("250.75");

        ApiResponse<TransferView> repeat = documented.answer("createTransfer",
                () -> transfers.createTransferWithHttpInfo(key, request, null));
        assertThat(repeat.getStatusCode()).isEqualTo(201);
        assertThat(repeat.getData().getTransferId()).isEqualTo(transfer.getTransferId());
        assertThat(repeat.getData().getStatus()).isEqualTo(TransferView.StatusEnum.COMPLETED);
        assertThat(await("the transfer's record").atMost(READ_MODEL)
                .until(() -> transferIfKnown(transfers, transfer.getTransferId()), known -> known != null).getStatus())
                .isEqualTo(TransferView.StatusEnum.COMPLETED);

        // A movement after the repeat: once its entry is read, every earlier event of the wallet has been projected,
        // so a second movement by the repeat would be among the entries.
        DepositView marker = depositCash(alice, "1.00");
        LedgerApi ledger = new LedgerApi(service);
        List<EntryView> entries = await("alice's entries up to the deposit after the repeat").atMost(READ_MODEL)
                .until(() -> documented.answer("listWalletEntries",
                                () -> ledger.listWalletEntriesWithHttpInfo(alice.getWalletId(), 100, null)).getData().getItems(),
                        items -> items.stream().anyMatch(entry -> marker.getPaymentId().equals(entry.getTransactionId())));
        assertThat(entries).extracting(EntryView::getTransactionId)
                .containsExactly(deposit.getPaymentId(), transfer.getTransferId(), marker.getPaymentId());
        assertThat(entries).extracting(EntryView::getDirection).containsExactly("CREDIT", "DEBIT", "CREDIT");
        BigDecimal running = BigDecimal.ZERO;
        for (EntryView entry : entries) {
            BigDecimal amount = new BigDecimal(entry.getAmount());
            running = entry.getDirection().equals("CREDIT") ? running.add(amount) : running.subtract(amount);
            assertThat(new BigDecimal(entry.getBalanceAfter())).as("balanceAfter of entry %d", entry.getSequence())
                    .isEqualByComparingTo(running);
        }
        assertThat(entries.getLast().getBalanceAfter()).isEqualTo("1250.25");

        WalletsApi wallets = new WalletsApi(service);
        WalletView aliceNow = await("alice's wallet with every movement").atMost(READ_MODEL)
                .until(() -> documented.answer("getWallet", () -> wallets.getWalletWithHttpInfo(alice.getWalletId())).getData(),
                        wallet -> wallet.getTotal().equals("1250.25"));
        assertThat(aliceNow.getAvailable()).isEqualTo("1250.25");
        assertThat(aliceNow.getHeld()).isEqualTo("0.00");
        assertThat(documented.answer("getWalletBalance", () -> ledger.getWalletBalanceWithHttpInfo(alice.getWalletId(), null))
                .getData().getBalance()).isEqualTo("1250.25");
        assertThat(await("bob's wallet credited once").atMost(READ_MODEL)
                .until(() -> documented.answer("getWallet", () -> wallets.getWalletWithHttpInfo(bob.getWalletId())).getData(),
                        wallet -> !wallet.getTotal().equals("0.00")).getTotal()).isEqualTo("250.75");
    }

    @Test
    void paysOutToAnMpesaNumberThroughTheSimulator() {
        WalletView wallet = openWallet();
        depositCash(wallet, "500.00");
        PaymentsApi payments = new PaymentsApi(service);
        WithdrawalRequest request = new WithdrawalRequest().walletId(wallet.getWalletId()).amount("100")
                .currency("KES").msisdn(MSISDN);
        ApiResponse<WithdrawalAccepted> accepted = documented.answer("createWithdrawal",
                () -> payments.createWithdrawalWithHttpInfo("wd-" + UUID.randomUUID(), request));
        assertThat(accepted.getStatusCode()).isEqualTo(202);
        WithdrawalAccepted payout = accepted.getData();
        assertThat(payout.getAmount()).isEqualTo("100.00");
        assertThat(payout.getMsisdn()).as("masked").isNotEqualTo(MSISDN).endsWith("149");

        PaymentDetails paid = await("the payout at a final status").atMost(READ_MODEL)
                .until(() -> paymentIfKnown(payments, payout.getPaymentId()),
                        payment -> payment != null && FINAL_PAYMENT_STATUSES.contains(payment.getStatus()));
        assertThat(paid.getStatus()).as("the simulator pays: %s", paid.getTimeline()).isEqualTo(PaymentDetails.StatusEnum.SETTLED);
        assertThat(paid.getReceipt()).isNotBlank();
        WalletsApi wallets = new WalletsApi(service);
        assertThat(await("the payout captured from the wallet").atMost(READ_MODEL)
                .until(() -> documented.answer("getWallet", () -> wallets.getWalletWithHttpInfo(wallet.getWalletId())).getData(),
                        now -> now.getTotal().equals("400.00")).getHeld()).isEqualTo("0.00");
    }

    @Test
    void refusesATransferOfMoreThanTheWalletHolds() {
        WalletView payer = openWallet();
        WalletView payee = openWallet();
        depositCash(payer, "100.00");
        TransfersApi transfers = new TransfersApi(service);
        TransferRequest tooMuch = new TransferRequest().sourceWalletId(payer.getWalletId())
                .destinationWalletId(payee.getWalletId()).amount("100.01").currency("KES");

        Problem problem = documented.refusal("createTransfer",
                () -> transfers.createTransferWithHttpInfo("tx-" + UUID.randomUUID(), tooMuch, null));

        assertThat(problem.getStatus()).isEqualTo(422);
        assertThat(problem.getCode()).isEqualTo(Problem.CodeEnum.INSUFFICIENT_FUNDS);
        assertThat(problem.getTransferId()).as("the refused transfer, to look up").isNotNull();
        // The read model may first show the transfer as REQUESTED, then its outcome: a reader waits for the outcome.
        TransferView refused = await("the refused transfer's outcome").atMost(READ_MODEL)
                .until(() -> transferIfKnown(transfers, problem.getTransferId()),
                        transfer -> transfer != null && transfer.getStatus() != TransferView.StatusEnum.REQUESTED);
        assertThat(refused.getStatus()).isEqualTo(TransferView.StatusEnum.REJECTED);
        assertThat(refused.getFailureCode()).isEqualTo(TransferView.FailureCodeEnum.INSUFFICIENT_FUNDS);
    }

    @Test
    void refusesAnIdempotencyKeyReusedForAnotherTransfer() {
        WalletView payer = openWallet();
        WalletView payee = openWallet();
        depositCash(payer, "100.00");
        TransfersApi transfers = new TransfersApi(service);
        String key = "tx-" + UUID.randomUUID();
        TransferRequest ten = new TransferRequest().sourceWalletId(payer.getWalletId())
                .destinationWalletId(payee.getWalletId()).amount("10.00").currency("KES");
        documented.answer("createTransfer", () -> transfers.createTransferWithHttpInfo(key, ten, null));

        TransferRequest eleven = new TransferRequest().sourceWalletId(payer.getWalletId())
                .destinationWalletId(payee.getWalletId()).amount("11.00").currency("KES");
        Problem problem = documented.refusal("createTransfer", () -> transfers.createTransferWithHttpInfo(key, eleven, null));

        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getCode()).isEqualTo(Problem.CodeEnum.IDEMPOTENCY_KEY_REUSED);
    }

    private static WalletView openWallet() {
        WalletsApi wallets = new WalletsApi(service);
        OpenWalletRequest request = new OpenWalletRequest().ownerId(UUID.randomUUID()).currency("KES");
        ApiResponse<WalletView> opened = documented.answer("openWallet", () -> wallets.openWalletWithHttpInfo(request, null));
        assertThat(opened.getStatusCode()).isEqualTo(201);
        return opened.getData();
    }

    private static DepositView depositCash(WalletView wallet, String amount) {
        DepositsApi deposits = new DepositsApi(teller);
        DepositRequest request = new DepositRequest().walletId(wallet.getWalletId()).amount(amount)
                .currency("KES").method(DepositRequest.MethodEnum.CASH);
        ApiResponse<DepositView> deposited = documented.answer("createDeposit",
                () -> deposits.createDepositWithHttpInfo("dep-" + UUID.randomUUID(), request));
        assertThat(deposited.getStatusCode()).isEqualTo(201);
        assertThat(deposited.getData().getAmount()).isEqualTo(amount);
        return deposited.getData();
    }

    /** The payment, or null while its projection has not caught up with the command (404, also documented). */
    private static PaymentDetails paymentIfKnown(PaymentsApi payments, UUID paymentId) {
        return ifKnown("getPayment", () -> payments.getPaymentWithHttpInfo(paymentId), Problem.CodeEnum.PAYMENT_NOT_FOUND);
    }

    private static TransferView transferIfKnown(TransfersApi transfers, UUID transferId) {
        return ifKnown("getTransfer", () -> transfers.getTransferWithHttpInfo(transferId), Problem.CodeEnum.TRANSFER_NOT_FOUND);
    }

    private static <T> T ifKnown(String operationId, Documented.Call<T> call, Problem.CodeEnum notFound) {
        try {
            return documented.checked(operationId, call.send()).getData();
        } catch (ApiException notYet) {
            assertThat(documented.problem(operationId, notYet).getCode()).as("%s refused", operationId).isEqualTo(notFound);
            return null;
        }
    }

    private static String tokenOfNewClient(AdminApi admin, String name, String role) {
        NewClient request = new NewClient().name(name + " " + UUID.randomUUID()).roles(List.of(NewClient.RolesEnum.fromValue(role)));
        ApiResponse<ClientWithSecret> created = documented.answer("createClient", () -> admin.createClientWithHttpInfo(request));
        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(created.getData().getRoles()).containsExactly(role);
        return token(created.getData().getClientId(), created.getData().getClientSecret());
    }

    /** A generated client whose every request carries the principal's bearer token. */
    private static ApiClient clientWith(String token) {
        return new ApiClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1), MAPPER, mizani.baseUri().toString())
                .setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    }

    /** The README's way: client_credentials at the token endpoint, with the client's id and secret as HTTP Basic. */
    private static String token(String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(mizani.baseUri() + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        try {
            HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("token for %s: %s", clientId, answer.body()).isEqualTo(200);
            return new ObjectMapper().readTree(answer.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("could not get a token for " + clientId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while getting a token for " + clientId, e);
        }
    }
}
