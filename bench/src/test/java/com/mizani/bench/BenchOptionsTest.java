package com.mizani.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchOptionsTest {

    @Test
    void parsesTheScenarioAndItsOptions() {
        BenchOptions options = BenchOptions.parse("chaos", "--duration", "3m", "--warmup", "500ms",
                "--concurrency", "32", "--wallets", "100", "--kills", "7", "--seed", "42", "--no-baseline", "--profile");

        assertThat(options.scenario()).isEqualTo("chaos");
        assertThat(options.duration()).isEqualTo(Duration.ofMinutes(3));
        assertThat(options.warmup()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.concurrency()).isEqualTo(32);
        assertThat(options.wallets()).isEqualTo(100);
        assertThat(options.kills()).isEqualTo(7);
        assertThat(options.seed()).isEqualTo(42);
        assertThat(options.baseline()).isFalse();
        assertThat(options.profile()).isTrue();
    }

    @Test
    void knowsThePaymentScenarios() {
        assertThat(BenchOptions.parse("withdrawals").scenario()).isEqualTo("withdrawals");
        assertThat(BenchOptions.parse("callbacks").scenario()).isEqualTo("callbacks");
        assertThat(BenchOptions.usage()).contains("withdrawals", "callbacks");
    }

    @Test
    void comparesAuthenticationOnTransfersOnly() {
        assertThat(BenchOptions.parse("transfers", "--compare-auth").compareAuth()).isTrue();
        assertThat(BenchOptions.parse("transfers").compareAuth()).isFalse();
        assertThat(BenchOptions.usage()).contains("--compare-auth");
        assertThatThrownBy(() -> BenchOptions.parse("chaos", "--compare-auth")).hasMessageContaining("transfers");
    }

    @Test
    void probesReadYourWritesOnAnIdleAppByDefault() {
        BenchOptions options = BenchOptions.parse("read-your-writes");

        assertThat(options.iterations()).isEqualTo(200);
        assertThat(options.concurrency()).isZero();
        assertThat(options.baseline()).isFalse();
        assertThat(BenchOptions.parse("transfers").concurrency()).isEqualTo(64);
        assertThat(BenchOptions.usage()).contains("read-your-writes", "--iterations");
    }

    @Test
    void takesReadYourWritesIterationsAndABackgroundLoad() {
        BenchOptions options = BenchOptions.parse("read-your-writes", "--iterations", "50", "--concurrency", "16",
                "--wallets", "300", "--warmup", "2s");

        assertThat(options.iterations()).isEqualTo(50);
        assertThat(options.concurrency()).isEqualTo(16);
        assertThat(options.wallets()).isEqualTo(300);
        assertThat(options.withDuration(Duration.ofHours(1)).duration()).isEqualTo(Duration.ofHours(1));
        assertThat(options.withDuration(Duration.ofHours(1)).iterations()).isEqualTo(50);
        assertThatThrownBy(() -> BenchOptions.parse("read-your-writes", "--iterations", "0"))
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> BenchOptions.parse("read-your-writes", "--concurrency", "-1"))
                .hasMessageContaining("at least 0");
    }

    @Test
    void runsFxWithTheUsualDefaultsOnAtLeastTwoWalletsPerCurrency() {
        BenchOptions options = BenchOptions.parse("fx", "--duration", "45s", "--concurrency", "32", "--wallets", "1000");

        assertThat(options.scenario()).isEqualTo(BenchOptions.FX);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(45));
        assertThat(options.concurrency()).isEqualTo(32);
        assertThat(options.wallets()).isEqualTo(1000);
        assertThat(BenchOptions.parse("fx").concurrency()).isEqualTo(64);
        assertThat(BenchOptions.parse("fx").baseline()).isTrue();
        assertThat(BenchOptions.parse("fx", "--wallets", "8").wallets()).isEqualTo(8);
        assertThatThrownBy(() -> BenchOptions.parse("fx", "--wallets", "7")).hasMessageContaining("2 per currency");
        assertThatThrownBy(() -> BenchOptions.parse("fx", "--batch-size", "10")).hasMessageContaining("--batch-size");
        assertThat(BenchOptions.usage()).contains("fx ", "QUOTE_USED");
    }

    @Test
    void runsTheClusterOnTwoNodesWithOneKillByDefault() {
        BenchOptions options = BenchOptions.parse("cluster");

        assertThat(options.nodes()).isEqualTo(2);
        assertThat(options.kills()).isEqualTo(1);
        assertThat(BenchOptions.parse("cluster", "--nodes", "3", "--kills", "0").nodes()).isEqualTo(3);
        assertThat(BenchOptions.parse("cluster", "--kills", "0").kills()).isZero();
        assertThat(BenchOptions.parse("chaos").kills()).isEqualTo(5);
        assertThat(BenchOptions.parse("transfers").nodes()).isEqualTo(1);
        assertThat(BenchOptions.usage()).contains("cluster", "--nodes");
    }

    @Test
    void refusesClusterSizesAndKillsItCannotRun() {
        assertThatThrownBy(() -> BenchOptions.parse("cluster", "--nodes", "4")).hasMessageContaining("at most 3");
        assertThatThrownBy(() -> BenchOptions.parse("cluster", "--nodes", "0")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> BenchOptions.parse("transfers", "--nodes", "2")).hasMessageContaining("cluster");
        assertThatThrownBy(() -> BenchOptions.parse("transfers", "--route-by-wallet")).hasMessageContaining("cluster");
        assertThat(BenchOptions.parse("cluster", "--route-by-wallet").routeByWallet()).isTrue();
        assertThat(BenchOptions.parse("cluster").routeByWallet()).isFalse();
        assertThatThrownBy(() -> BenchOptions.parse("chaos", "--kills", "0")).hasMessageContaining("at least 1");
    }

    @Test
    void sendsOneTransferARequestUnlessABatchSizeIsGiven() {
        assertThat(BenchOptions.parse("transfers").batchSize()).isEqualTo(1);
        assertThat(BenchOptions.parse("transfers", "--batch-size", "50").batchSize()).isEqualTo(50);
        assertThat(BenchOptions.parse("hot-wallet", "--batch-size", "2").batchSize()).isEqualTo(2);
        assertThat(BenchOptions.parse("mixed", "--batch-size", "1000").batchSize()).isEqualTo(1000);
        assertThat(BenchOptions.parse("transfers", "--batch-size", "50").withDuration(Duration.ofSeconds(5)).batchSize())
                .isEqualTo(50);
        assertThat(BenchOptions.usage()).contains("--batch-size N", "POST /transfers/batch");
    }

    @Test
    void refusesBatchSizesTheAppDoesNotTakeAndScenariosWithoutBatches() {
        for (String size : new String[]{"1", "0", "-5", "1001"}) {
            assertThatThrownBy(() -> BenchOptions.parse("transfers", "--batch-size", size))
                    .hasMessageContaining("--batch-size must be 2 to 1000").hasMessageContaining("usage");
        }
        for (String scenario : new String[]{"chaos", "cluster", "withdrawals", "callbacks", "replay", "read-your-writes"}) {
            assertThatThrownBy(() -> BenchOptions.parse(scenario, "--batch-size", "10"))
                    .hasMessageContaining("--batch-size is an option of the transfers, hot-wallet, mixed scenarios");
        }
        assertThatThrownBy(() -> BenchOptions.parse("transfers", "--batch-size", "10", "--compare-auth"))
                .hasMessageContaining("do not go together");
    }

    @Test
    void refusesUnknownScenariosOptionsAndNonsense() {
        assertThatThrownBy(() -> BenchOptions.parse("everything")).hasMessageContaining("usage");
        assertThatThrownBy(() -> BenchOptions.parse()).hasMessageContaining("usage");
        assertThatThrownBy(() -> BenchOptions.parse("transfers", "--speed", "fast")).hasMessageContaining("unknown option");
        assertThatThrownBy(() -> BenchOptions.parse("transfers", "--concurrency", "0")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> BenchOptions.parse("transfers", "--wallets", "1")).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> BenchOptions.parse("transfers", "--duration")).hasMessageContaining("needs a value");
    }

    @Test
    void payrollHasItsOwnDefaultsAndItsItems() {
        BenchOptions options = BenchOptions.parse("payroll");

        assertThat(options.items()).isEqualTo(10_000);
        assertThat(options.wallets()).isEqualTo(1_000);
        assertThat(options.concurrency()).isEqualTo(8);
        assertThat(options.kills()).isZero();
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(5));
        BenchOptions asked = BenchOptions.parse("payroll", "--items", "500", "--wallets", "50", "--kills", "1");
        assertThat(asked.items()).isEqualTo(500);
        assertThat(asked.wallets()).isEqualTo(50);
        assertThat(asked.kills()).isEqualTo(1);
        assertThat(BenchOptions.usage()).contains("payroll", "--items 10000");
    }

    @Test
    void itemsAreAPayrollOptionUpToTheAppsLimit() {
        assertThatThrownBy(() -> BenchOptions.parse("transfers", "--items", "10")).hasMessageContaining("payroll");
        assertThatThrownBy(() -> BenchOptions.parse("payroll", "--items", "100001")).hasMessageContaining("100000");
        assertThatThrownBy(() -> BenchOptions.parse("payroll", "--items", "0")).hasMessageContaining("at least 1");
        // The other scenarios keep theirs: chaos still kills at least once.
        assertThatThrownBy(() -> BenchOptions.parse("chaos", "--kills", "0")).hasMessageContaining("--kills");
        assertThat(BenchOptions.parse("transfers").wallets()).isEqualTo(10_000);
    }

    @Test
    void payrollPaysWalletsUnlessAskedToPayPhonesByMpesa() {
        assertThat(BenchOptions.parse("payroll").payrollToMpesa()).isFalse();
        assertThat(BenchOptions.parse("payroll").payTo()).isEqualTo(BenchOptions.PAY_TO_WALLETS);
        BenchOptions mpesa = BenchOptions.parse("payroll", "--pay-to", "mpesa", "--kills", "1");
        assertThat(mpesa.payrollToMpesa()).isTrue();
        assertThat(mpesa.withWindow(Duration.ZERO, Duration.ofHours(1)).payrollToMpesa()).isTrue();
        assertThatThrownBy(() -> BenchOptions.parse("payroll", "--pay-to", "bank")).hasMessageContaining(
                "wallets, mpesa");
        assertThatThrownBy(() -> BenchOptions.parse("transfers", "--pay-to", "mpesa")).hasMessageContaining(
                "payroll");
        assertThat(BenchOptions.usage()).contains("--pay-to wallets");
    }

    @Test
    void anMpesaPayrollGivesTheAppAHeapForItsInProcessAuditStoreUnlessTold() {
        assertThat(BenchOptions.parse("payroll", "--pay-to", "mpesa").appHeap()).isEqualTo("3g");
        assertThat(BenchOptions.parse("payroll", "--pay-to", "mpesa", "--app-heap", "2g").appHeap()).isEqualTo("2g");
        assertThat(BenchOptions.parse("payroll").appHeap()).isEqualTo("1g");
        assertThat(BenchOptions.parse("transfers").appHeap()).isEqualTo("1g");
    }

    @Test
    void aWindowReplacesWarmUpAndDurationAlone() {
        BenchOptions options = BenchOptions.parse("payroll", "--items", "700").withWindow(Duration.ZERO,
                Duration.ofHours(1));

        assertThat(options.warmup()).isZero();
        assertThat(options.duration()).isEqualTo(Duration.ofHours(1));
        assertThat(options.items()).isEqualTo(700);
    }
}
