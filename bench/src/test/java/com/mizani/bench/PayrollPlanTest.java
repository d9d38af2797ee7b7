package com.mizani.bench;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PayrollPlanTest {

    @Test
    void spreadsTheItemsOverThePayeesInTurnWithAmountsFromTheSeed() {
        PayrollPlan plan = PayrollPlan.toWallets("src", List.of("a", "b", "c"), 7, 42);

        assertThat(plan.items()).extracting(PayrollPlan.Item::walletId)
                .containsExactly("a", "b", "c", "a", "b", "c", "a");
        assertThat(plan.items()).allSatisfy(item -> assertThat(item.amountMinor())
                .isBetween(PayrollPlan.MIN_ITEM_MINOR, PayrollPlan.MAX_ITEM_MINOR));
        assertThat(plan.items()).extracting(PayrollPlan.Item::reference).doesNotHaveDuplicates();
        assertThat(PayrollPlan.toWallets("src", List.of("a", "b", "c"), 7, 42).items()).isEqualTo(plan.items());
        assertThat(plan.owedByPayee().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(plan.totalMinor());
        assertThat(plan.owedByPayee().get("a")).isEqualTo(plan.items().get(0).amountMinor()
                + plan.items().get(3).amountMinor() + plan.items().get(6).amountMinor());
    }

    @Test
    void writesTheJobAsTheApiTakesIt() {
        PayrollPlan plan = PayrollPlan.toWallets("src", List.of("a"), 2, 1);
        PayrollPlan.Item first = plan.items().getFirst();

        assertThat(plan.json("june")).startsWith("{\"sourceWalletId\":\"src\",\"name\":\"june\",\"items\":[{")
                .contains("{\"reference\":\"bench-000000\",\"amount\":\"" + PayrollPlan.decimal(first.amountMinor())
                        + "\",\"currency\":\"KES\",\"walletId\":\"a\"},{\"reference\":\"bench-000001\"")
                .endsWith("}]}");
        assertThat(PayrollPlan.decimal(12_345)).isEqualTo("123.45");
        assertThat(PayrollPlan.decimal(100)).isEqualTo("1.00");
    }

    @Test
    void derivesAnItemsTransferIdAsTheAppDoes() {
        String job = "5f0c3a3e-0000-4000-8000-000000000001";
        // IdempotencyKeys.deriveId("payroll-item", jobId, index) in the app: a name-based UUID of the three, joined.
        assertThat(PayrollPlan.transferIdOf(job, 7)).isEqualTo(UUID.nameUUIDFromBytes(
                ("payroll-item\n" + job + "\n7").getBytes(StandardCharsets.UTF_8)));
        assertThat(PayrollPlan.transferIdOf(job, 7)).isNotEqualTo(PayrollPlan.transferIdOf(job, 8));
    }

    @Test
    void paysEachPhoneItemAWholeShillingAmountFromTheSeed() {
        PayrollPlan plan = PayrollPlan.toPhones("src", 50, 42);

        assertThat(plan.items()).allSatisfy(item -> {
            assertThat(item.toPhone()).isTrue();
            assertThat(item.walletId()).isNull();
            assertThat(item.msisdn()).matches("2547\\d{8}");
            assertThat(item.amountMinor()).isBetween(PayrollPlan.MIN_PHONE_ITEM_MINOR, PayrollPlan.MAX_ITEM_MINOR);
            assertThat(item.amountMinor() % 100).isZero();
        });
        assertThat(PayrollPlan.toPhones("src", 50, 42).items()).isEqualTo(plan.items());
        assertThat(plan.owedByPayee()).isEmpty();
        assertThat(plan.json("june")).contains("\"currency\":\"KES\",\"msisdn\":\"" + plan.items().getFirst().msisdn()
                + "\"}").doesNotContain("walletId\":\"null");
    }

    @Test
    void derivesAnItemsPaymentIdAsTheAppDoes() {
        String job = "5f0c3a3e-0000-4000-8000-000000000001";
        // PayrollPayouts.paymentIdOf: IdempotencyKeys.deriveId("payroll-payout", jobId, index) in the app.
        assertThat(PayrollPlan.paymentIdOf(job, 7)).isEqualTo(UUID.nameUUIDFromBytes(
                ("payroll-payout\n" + job + "\n7").getBytes(StandardCharsets.UTF_8)));
        assertThat(PayrollPlan.paymentIdOf(job, 7)).isNotEqualTo(PayrollPlan.transferIdOf(job, 7));
    }

    @Test
    void needsAPayee() {
        assertThatThrownBy(() -> PayrollPlan.toWallets("src", List.of(), 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
