package com.mizani.app.payroll;

import com.fasterxml.jackson.databind.JsonNode;
import com.mizani.app.support.Api;
import com.mizani.app.embedded.EmbeddedSimulatorConfiguration.EmbeddedSimulator;
import com.mizani.app.support.IntegrationTest;
import com.mizani.command.payroll.PayrollPayouts;
import com.mizani.command.payroll.PayrollTransfers;
import com.mizani.kernel.payment.RequestWithdrawalCommand;
import com.mizani.kernel.payroll.PayPayrollBatchCommand;
import com.mizani.kernel.payroll.PayrollJobOutcome;
import com.mizani.kernel.transfer.CreateNewTransferCommand;
import com.mizani.providersim.PayoutLine;
import com.mizani.providersim.ProviderSimulator;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A payroll job's batches are all or nothing, and a job resumes where it stopped: the application dies in the middle
 * of a batch, again and again, and a new one started on the same data pays every item exactly once, none twice, none
 * skipped; a batch of M-Pesa items that dies sends no payout, and is paid once when resumed. Cancelling a running
 * job releases exactly what its unpaid items still hold.
 */
class PayrollRestartTest {

    private static final int ITEMS = 40;
    /** The item whose transfer the first instance never gets past: the crash point, in the middle of a batch. */
    private static final int CRASH_AT = 23;
    private static final int MPESA_ITEMS = 15;

    private final Path dataDir = IntegrationTest.temporaryDataDir();

    @Test
    void aJobStoppedInTheMiddleOfABatchResumesOnRestartPayingEachItemOnce() {
        String source;
        List<String> employees = new ArrayList<>();
        String jobId;
        long total = 0;
        long[] perEmployee = new long[3];
        try (ConfigurableApplicationContext app = start("mizani.payroll.batch-items=5",
                "mizani.payroll.runner-interval-ms=50")) {
            Api api = new Api(IntegrationTest.portOf(app));
            source = api.openWallet("KES");
            assertThat(api.deposit(source, "1000.00", "KES").status()).isEqualTo(201);
            for (int e = 0; e < 3; e++) {
                employees.add(api.openWallet("KES"));
            }
            List<String> items = new ArrayList<>();
            for (int i = 0; i < ITEMS; i++) {
                long minor = 100 + i;
                total += minor;
                perEmployee[i % 3] += minor;
                items.add("{\"reference\":\"R%d\",\"amount\":\"%s\",\"currency\":\"KES\",\"walletId\":\"%s\"}"
                        .formatted(i, format(minor), employees.get(i % 3)));
            }
            Api.Response created = api.post("/api/v1/payroll/jobs", "{\"sourceWalletId\":\"%s\",\"name\":\"restart\",\"items\":[%s]}"
                    .formatted(source, String.join(",", items)), "Idempotency-Key", UUID.randomUUID().toString());
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            jobId = created.text("jobId");
            UUID job = UUID.fromString(jobId);

            // The process "dies" whenever it reaches item 23's transfer: the batch of items 20 to 24 never commits.
            AtomicInteger crashes = new AtomicInteger();
            UUID crashTransfer = PayrollTransfers.transferIdOf(job, CRASH_AT);
            app.getBean(CommandBus.class).registerHandlerInterceptor((unitOfWork, chain) -> {
                if (unitOfWork.getMessage().getPayload() instanceof CreateNewTransferCommand transfer
                        && transfer.transferId().equals(crashTransfer)) {
                    crashes.incrementAndGet();
                    throw new IllegalStateException("simulated crash in the middle of a batch");
                }
                return chain.proceed();
            });
            assertThat(approver(api).post("/api/v1/payroll/jobs/" + jobId + "/approve", "{}").status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).until(crashes::get, n -> n >= 3);

            JsonNode stopped = api.get("/api/v1/payroll/jobs/" + jobId).json();
            assertThat(stopped.path("status").asText()).isEqualTo("RUNNING");
            assertThat(stopped.path("checkpoint").asInt()).isEqualTo(20);
            long paidBefore = 0;
            long[] paidTo = new long[3];
            for (int i = 0; i < 20; i++) {
                paidBefore += 100 + i;
                paidTo[i % 3] += 100 + i;
            }
            long unpaid = total - paidBefore;
            // Nothing of the failed batch happened: not its first items' transfers, not their releases.
            for (int i = 20; i < CRASH_AT; i++) {
                assertThat(api.get("/api/v1/transfers/" + PayrollTransfers.transferIdOf(job, i)).status()).isEqualTo(404);
            }
            long paid = paidBefore;
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                JsonNode wallet = api.wallet(source);
                assertThat(wallet.path("held").asText()).as("held = the unpaid items").isEqualTo(format(unpaid));
                assertThat(wallet.path("available").asText()).isEqualTo(format(100_000 - paid - unpaid));
                for (int e = 0; e < 3; e++) {
                    assertThat(api.available(employees.get(e))).isEqualTo(format(paidTo[e]));
                }
            });
        }

        try (ConfigurableApplicationContext app = start("mizani.payroll.batch-items=5",
                "mizani.payroll.runner-interval-ms=50")) {
            Api api = new Api(IntegrationTest.portOf(app));
            await().atMost(Duration.ofSeconds(60)).until(
                    () -> api.get("/api/v1/payroll/jobs/" + jobId).json().path("status").asText(), "COMPLETED"::equals);
            JsonNode done = api.get("/api/v1/payroll/jobs/" + jobId).json();
            assertThat(done.path("succeededItems").asInt()).isEqualTo(ITEMS);
            assertThat(done.path("progress").asText()).isEqualTo(ITEMS + "/" + ITEMS);
            long paidTotal = total;
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                JsonNode wallet = api.wallet(source);
                assertThat(wallet.path("held").asText()).isEqualTo("0.00");
                assertThat(wallet.path("available").asText()).isEqualTo(format(100_000 - paidTotal));
                for (int e = 0; e < 3; e++) {
                    assertThat(api.available(employees.get(e))).as("employee " + e).isEqualTo(format(perEmployee[e]));
                }
            });
            // Each item is exactly one completed transfer, under its stable id.
            for (int i = 0; i < ITEMS; i++) {
                JsonNode transfer = api.get("/api/v1/transfers/" + PayrollTransfers.transferIdOf(UUID.fromString(jobId), i)).json();
                assertThat(transfer.path("status").asText()).isEqualTo("COMPLETED");
                assertThat(transfer.path("amount").asText()).isEqualTo(format(100 + i));
            }
            assertThat(api.get("/api/v1/ledger/verify").json().path("balanced").asBoolean()).isTrue();
        }
    }

    @Test
    void cancellingARunningJobReleasesWhatItsUnpaidItemsHold() {
        try (ConfigurableApplicationContext app = start("mizani.payroll.runner-enabled=false")) {
            Api api = new Api(IntegrationTest.portOf(app));
            String source = api.openWallet("KES");
            assertThat(api.deposit(source, "100.00", "KES").status()).isEqualTo(201);
            String employee = api.openWallet("KES");
            List<String> items = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                items.add("{\"reference\":\"R%d\",\"amount\":\"1.00\",\"currency\":\"KES\",\"walletId\":\"%s\"}"
                        .formatted(i, employee));
            }
            String jobId = api.post("/api/v1/payroll/jobs", "{\"sourceWalletId\":\"%s\",\"name\":\"cancel\",\"items\":[%s]}"
                    .formatted(source, String.join(",", items)), "Idempotency-Key", UUID.randomUUID().toString())
                    .text("jobId");
            assertThat(approver(api).post("/api/v1/payroll/jobs/" + jobId + "/approve", "{}").status()).isEqualTo(200);
            CommandGateway commands = app.getBean(CommandGateway.class);
            PayrollJobOutcome paid = commands.sendAndWait(new PayPayrollBatchCommand(UUID.fromString(jobId), 0, 3));
            assertThat(paid.checkpoint()).isEqualTo(3);

            Api.Response cancelled = api.post("/api/v1/payroll/jobs/" + jobId + "/cancel", "{}");
            assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
            assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
            // A batch asked for after the cancellation changes nothing.
            PayrollJobOutcome after = commands.sendAndWait(new PayPayrollBatchCommand(UUID.fromString(jobId), 3, 3));
            assertThat(after.checkpoint()).isEqualTo(3);

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                JsonNode wallet = api.wallet(source);
                assertThat(wallet.path("held").asText()).isEqualTo("0.00");
                assertThat(wallet.path("available").asText()).isEqualTo("97.00");
                assertThat(api.available(employee)).isEqualTo("3.00");
            });
            JsonNode view = api.get("/api/v1/payroll/jobs/" + jobId).json();
            assertThat(view.path("status").asText()).isEqualTo("CANCELLED");
            assertThat(view.path("succeededItems").asInt()).isEqualTo(3);
            JsonNode cancelledItems = api.get("/api/v1/payroll/jobs/" + jobId + "/items?status=CANCELLED").json();
            assertThat(cancelledItems.path("items")).hasSize(7);
            assertThat(api.post("/api/v1/payroll/jobs/" + jobId + "/cancel", "{}").status()).isEqualTo(200);
        }
    }

    @Test
    void anMpesaBatchThatDiesSendsNoPayoutAndIsPaidOnceWhenResumed() {
        try (ConfigurableApplicationContext app = start("mizani.payroll.batch-items=5",
                "mizani.payroll.runner-interval-ms=50")) {
            Api api = new Api(IntegrationTest.portOf(app));
            ProviderSimulator provider = app.getBean(EmbeddedSimulator.class).simulator();
            String source = api.openWallet("KES");
            assertThat(api.deposit(source, "10000.00", "KES").status()).isEqualTo(201);
            List<String> items = new ArrayList<>();
            long total = 0;
            for (int i = 0; i < MPESA_ITEMS; i++) {
                total += 100 + i;
                items.add("{\"reference\":\"P%d\",\"amount\":\"%d\",\"currency\":\"KES\",\"msisdn\":\"2547083741%02d\"}"
                        .formatted(i, 100 + i, i));
            }
            Api.Response created = api.post("/api/v1/payroll/jobs", "{\"sourceWalletId\":\"%s\",\"name\":\"phones\",\"items\":[%s]}"
                    .formatted(source, String.join(",", items)), "Idempotency-Key", UUID.randomUUID().toString());
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            UUID job = UUID.fromString(created.text("jobId"));
            long feesMinor = new BigDecimal(created.text("totalFees")).movePointRight(2).longValueExact();

            // Item 8's payout request dies in the middle of the batch of items 5 to 9, until the "restart".
            AtomicBoolean dying = new AtomicBoolean(true);
            AtomicInteger crashes = new AtomicInteger();
            UUID crashPayment = PayrollPayouts.paymentIdOf(job, 8);
            app.getBean(CommandBus.class).registerHandlerInterceptor((unitOfWork, chain) -> {
                if (dying.get() && unitOfWork.getMessage().getPayload() instanceof RequestWithdrawalCommand payout
                        && payout.paymentId().equals(crashPayment)) {
                    crashes.incrementAndGet();
                    throw new IllegalStateException("simulated crash in the middle of a batch");
                }
                return chain.proceed();
            });
            assertThat(approver(api).post("/api/v1/payroll/jobs/" + job + "/approve", "{}").status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).until(crashes::get, n -> n >= 3);

            assertThat(api.get("/api/v1/payroll/jobs/" + job).json().path("checkpoint").asInt()).isEqualTo(5);
            // Nothing of the failed batch happened: no payment recorded, nothing sent to the provider.
            for (int i = 5; i < 10; i++) {
                assertThat(api.get("/api/v1/payments/" + PayrollPayouts.paymentIdOf(job, i)).status()).isEqualTo(404);
            }
            assertThat(payoutsByPayment(provider).keySet()).doesNotContainAnyElementsOf(
                    IntStream.range(5, 10).mapToObj(i -> PayrollPayouts.paymentIdOf(job, i).toString()).toList());

            dying.set(false);
            await().atMost(Duration.ofSeconds(60)).until(
                    () -> api.get("/api/v1/payroll/jobs/" + job).json().path("status").asText(), "COMPLETED"::equals);
            Map<String, Long> sent = payoutsByPayment(provider);
            for (int i = 0; i < MPESA_ITEMS; i++) {
                String payment = PayrollPayouts.paymentIdOf(job, i).toString();
                assertThat(sent.get(payment)).as("payouts of item " + i).isEqualTo(1L);
                assertThat(api.get("/api/v1/payments/" + payment).json().path("status").asText()).isEqualTo("SETTLED");
            }
            assertThat(sent).hasSize(MPESA_ITEMS);
            long spent = total * 100 + feesMinor;
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                JsonNode wallet = api.wallet(source);
                assertThat(wallet.path("held").asText()).isEqualTo("0.00");
                assertThat(wallet.path("available").asText()).isEqualTo(format(1_000_000 - spent));
            });
        }
    }

    /** How many payouts the provider holds for each of our payment ids. */
    private static Map<String, Long> payoutsByPayment(ProviderSimulator provider) {
        return provider.payouts(0, 10_000).stream()
                .collect(Collectors.groupingBy(PayoutLine::originatorConversationId, Collectors.counting()));
    }

    private static Api approver(Api api) {
        return api.asClient("restart-approver", List.of("approver"), null);
    }

    private ConfigurableApplicationContext start(String... settings) {
        String[] all = new String[settings.length + 1];
        all[0] = "mizani.data-dir=" + dataDir;
        System.arraycopy(settings, 0, all, 1, settings.length);
        return IntegrationTest.startApplication(all);
    }

    private static String format(long minor) {
        return "%d.%02d".formatted(minor / 100, minor % 100);
    }
}
