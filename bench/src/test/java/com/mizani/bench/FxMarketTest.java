package com.mizani.bench;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FxMarketTest {

    @Test
    void amountsAreWrittenWithTheirCurrencysDecimals() {
        assertThat(FxMarket.currency("KES").decimal(150_000)).isEqualTo("1500.00");
        assertThat(FxMarket.currency("UGX").decimal(3_700)).isEqualTo("3700");
        assertThat(FxMarket.currency("KWD").decimal(12_345)).isEqualTo("12.345");
        assertThat(FxMarket.currency("KWD").minor("0.300")).isEqualTo(300);
        assertThat(FxMarket.currency("UGX").minor("3700")).isEqualTo(3_700);
        assertThatThrownBy(() -> FxMarket.currency("EUR")).hasMessageContaining("EUR");
    }

    @Test
    void ordersConvertBetweenTwoCurrenciesWithinTheirBoundsMostlyByTheSourceAmount() {
        Random random = new Random(7);
        int byToAmount = 0;
        int orders = 2_000;
        Set<String> pairs = new java.util.HashSet<>();
        for (int i = 0; i < orders; i++) {
            FxMarket.Order order = FxMarket.order(random);
            assertThat(order.from()).isNotEqualTo(order.to());
            FxMarket.Currency named = order.byToAmount() ? order.to() : order.from();
            assertThat(order.amountMinor()).isBetween(named.leastMinor(), named.mostMinor());
            byToAmount += order.byToAmount() ? 1 : 0;
            pairs.add(order.from().code() + order.to().code());
        }
        assertThat(pairs).hasSize(12);
        assertThat(byToAmount / (double) orders).isBetween(0.15, 0.25);
        assertThat(FxMarket.CURRENCIES.stream().map(FxMarket.Currency::digits).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(0, 2, 3);
    }

    @Test
    void aQuoteNamesTheAmountItIsPricedBy() {
        FxMarket.Currency kes = FxMarket.currency("KES");
        FxMarket.Currency kwd = FxMarket.currency("KWD");

        assertThat(new FxMarket.Order(kes, kwd, false, 150_000).quoteJson())
                .isEqualTo("{\"fromCurrency\":\"KES\",\"toCurrency\":\"KWD\",\"fromAmount\":\"1500.00\"}");
        assertThat(new FxMarket.Order(kes, kwd, true, 12_345).quoteJson())
                .isEqualTo("{\"fromCurrency\":\"KES\",\"toCurrency\":\"KWD\",\"toAmount\":\"12.345\"}");
    }
}
