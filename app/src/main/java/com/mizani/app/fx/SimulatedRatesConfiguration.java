package com.mizani.app.fx;

import com.mizani.app.mode.LocalPart;
import com.mizani.command.fx.RateSource;
import com.mizani.command.fx.rates.FreshRates;
import com.mizani.command.fx.rates.SimulatedRateSource;
import com.mizani.command.fx.rates.SimulatedRates;
import com.mizani.command.fx.rates.SimulatorFaultKnob;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.Map;

/**
 * With no rate provider configured, local mode prices quotes with the embedded simulator, so that a fresh machine
 * quotes KES to USD (and every other pair of the built-in table) with one command. Its rates pass the same freshness
 * check a provider's do: the simulator's STALE fault is refused there, not in the simulator.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSimulatedRates
public class SimulatedRatesConfiguration {

    @Bean
    public SimulatedRates fxSimulatedRates(FxRateProperties settings) {
        return settings.simulator().rates();
    }

    @Bean
    public SimulatorFaultKnob fxSimulatorFault(FxRateProperties settings) {
        return new SimulatorFaultKnob(settings.simulator().fault());
    }

    /** The one RateSource of the application: the simulator behind the freshness check. */
    @Bean
    public RateSource rateSource(FxRateProperties settings, SimulatedRates rates, SimulatorFaultKnob fault,
                                 ObjectProvider<Clock> clocks) {
        Clock clock = clocks.getIfAvailable(Clock::systemUTC);
        SimulatedRateSource simulator = new SimulatedRateSource(rates, settings.spreads(), fault, clock,
                settings.retryAfter());
        return new FreshRates(simulator, clock, settings.maxAge(), settings.clockSkew(), settings.retryAfter());
    }

    @Bean
    public LocalPart fxRateSimulatorPart(SimulatedRates rates, SimulatorFaultKnob fault) {
        return new LocalPart("fx-rates", "FX rate simulator", Map.of(
                "pairs", String.valueOf(rates.given().size()),
                "fault", fault.current().name(),
                "admin", FxSimulatorController.PATH));
    }
}
