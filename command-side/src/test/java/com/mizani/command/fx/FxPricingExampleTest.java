package com.mizani.command.fx;

import com.mizani.kernel.fx.FxTerms;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The worked examples of docs/fx.md, as the pricing computes them. */
class FxPricingExampleTest {

    private static final long MAX = 10_000_000_000_000L;

    @Test
    void fifteenHundredShillingsToDollarsAtTheSimulatorsRate() {
        // USD-KES 129.20 in the simulator's table, inverted to 12 significant digits; 50 bps.
        FxRate rate = new FxRate(CurrencyCode.KES, CurrencyCode.USD, new BigDecimal("0.00773993808050"), 50,
                Instant.EPOCH, "simulator");

        FxTerms terms = FxPricing.forSource(rate, 150_000, MAX);

        assertThat(terms.rate()).isEqualTo("0.00773994");
        assertThat(terms.converted()).isEqualTo(Money.of(149_253, CurrencyCode.KES));
        assertThat(terms.fee()).isEqualTo(Money.of(747, CurrencyCode.KES));
        assertThat(terms.destination()).isEqualTo(Money.of(1_155, CurrencyCode.USD));
    }

    @Test
    void aDestinationAmountInThreeDecimalsIsDeliveredExactly() {
        FxRate rate = new FxRate(CurrencyCode.USD, CurrencyCode.KWD, new BigDecimal("0.3065"), 50, Instant.EPOCH,
                "simulator");

        FxTerms terms = FxPricing.forDestination(rate, 12_345, MAX);

        assertThat(terms.destination()).isEqualTo(Money.of(12_345, CurrencyCode.KWD));
        // 12.345 KWD / 0.3065 = 40.2773... USD, rounded up to 40.28; 50 bps of it is 0.2014, rounded up to 0.21.
        assertThat(terms.converted()).isEqualTo(Money.of(4_028, CurrencyCode.USD));
        assertThat(terms.fee()).isEqualTo(Money.of(21, CurrencyCode.USD));
        assertThat(terms.source()).isEqualTo(Money.of(4_049, CurrencyCode.USD));
    }
}
