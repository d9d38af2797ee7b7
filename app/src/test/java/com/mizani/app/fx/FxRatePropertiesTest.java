package com.mizani.app.fx;

import com.mizani.command.fx.rates.CurrencyPair;
import com.mizani.command.fx.rates.SimulatedRates;
import com.mizani.command.fx.rates.SimulatorFault;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.Map;

import static com.mizani.kernel.money.CurrencyCode.EUR;
import static com.mizani.kernel.money.CurrencyCode.GBP;
import static com.mizani.kernel.money.CurrencyCode.KES;
import static com.mizani.kernel.money.CurrencyCode.USD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The settings as Spring binds them from properties and environment variables, the way a deployment writes them. An
 * environment variable names a pair without a separator ({@code ..._PAIRS_EURGBP}): Spring reads each underscore as a
 * level of the name, and the map of pairs has one level.
 */
class FxRatePropertiesTest {

    private static FxRateProperties bind(Map<String, Object> properties, Map<String, Object> environment) {
        StandardEnvironment spring = new StandardEnvironment();
        spring.getPropertySources().addFirst(new MapPropertySource("test", properties));
        spring.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                "test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        ConfigurationPropertySources.attach(spring);
        return Binder.get(spring).bindOrCreate("mizani.fx.rates", FxRateProperties.class);
    }

    @Test
    void nothingConfiguredIsTheSimulatorWithTheBuiltInTableAndTheDefaults() {
        FxRateProperties settings = bind(Map.of(), Map.of());

        assertThat(settings.usesProvider()).isFalse();
        assertThat(settings.simulator().fault()).isEqualTo(SimulatorFault.NONE);
        assertThat(settings.simulator().rates().given()).isEqualTo(SimulatedRates.DEFAULT.given());
        assertThat(settings.spreads().bpsOf(KES, USD)).isEqualTo(50);
        assertThat(settings.maxAge().toMillis()).isEqualTo(30_000);
        assertThat(settings.retryAfter().toMillis()).isEqualTo(5_000);
    }

    @Test
    void pairsAreBoundExactlyFromPropertiesAndFromEnvironmentVariables() {
        FxRateProperties settings = bind(Map.of(
                        "mizani.fx.rates.simulator.pairs.KES-USD", "0.0077",
                        "mizani.fx.rates.pair-spread-bps.KES-USD", "75",
                        "mizani.fx.rates.simulator.fault", "STALE"),
                Map.of("MIZANI_FX_RATES_SIMULATOR_PAIRS_EURGBP", "0.87123456789012345",
                        "MIZANI_FX_RATES_BASE_URL", " "));

        SimulatedRates rates = settings.simulator().rates();
        assertThat(rates.rateOf(new CurrencyPair(KES, USD)).orElseThrow().toPlainString()).isEqualTo("0.0077");
        assertThat(rates.rateOf(new CurrencyPair(EUR, GBP)).orElseThrow().toPlainString())
                .isEqualTo("0.87123456789012345");
        assertThat(rates.given()).doesNotContainKey(new CurrencyPair(USD, KES));
        assertThat(settings.spreads().bpsOf(USD, KES)).isEqualTo(75);
        assertThat(settings.spreads().bpsOf(GBP, EUR)).isEqualTo(50);
        assertThat(settings.simulator().fault()).isEqualTo(SimulatorFault.STALE);
        assertThat(settings.usesProvider()).as("blank is no provider").isFalse();
    }

    @Test
    void aBadSettingStopsTheStart() {
        assertThatThrownBy(() -> bind(Map.of("mizani.fx.rates.simulator.pairs.KES-XYZ", "1"), Map.of())
                .simulator().rates()).hasMessageContaining("XYZ");
        assertThatThrownBy(() -> bind(Map.of("mizani.fx.rates.max-age-ms", "0"), Map.of()))
                .isInstanceOf(BindException.class);
        assertThatThrownBy(() -> bind(Map.of("mizani.fx.rates.spread-bps", "10000"), Map.of()).spreads())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
