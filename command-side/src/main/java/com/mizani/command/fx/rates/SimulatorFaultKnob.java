package com.mizani.command.fx.rates;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The simulator's fault, set at start by configuration and changed at run time by its admin endpoint. It is apart
 * from the simulator so that the endpoint can turn it without holding a second {@code RateSource}.
 */
public final class SimulatorFaultKnob {

    private final AtomicReference<SimulatorFault> fault;

    public SimulatorFaultKnob(SimulatorFault initial) {
        this.fault = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
    }

    public SimulatorFault current() {
        return fault.get();
    }

    public void set(SimulatorFault next) {
        fault.set(Objects.requireNonNull(next, "next"));
    }
}
