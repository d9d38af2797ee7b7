package com.mizani.providersim;

import java.util.Objects;

/**
 * Everything the simulator needs at start.
 *
 * @param port           TCP port on 127.0.0.1; 0 picks any free port
 * @param consumerKey    the HTTP Basic user the OAuth call must present
 * @param consumerSecret the HTTP Basic password the OAuth call must present
 * @param callbackSecret shared secret for the HMAC-SHA256 {@code X-Mizani-Signature} on every callback
 * @param seed           seeds fault decisions and generated ids, so a run with the same requests repeats
 * @param startingFloat  the account's opening balance, in whole KES: payouts come out of it, deposits go into it
 * @param faults         faults active from the start; changeable later through {@code POST /simulator/faults}
 */
public record SimulatorConfig(
        int port,
        String consumerKey,
        String consumerSecret,
        String callbackSecret,
        long seed,
        long startingFloat,
        Faults faults) {

    public static final long DEFAULT_STARTING_FLOAT = 10_000_000;
    /** The books count KES cents in a long; this keeps the float (and what is added to it) far from overflow. */
    public static final long MAX_STARTING_FLOAT = 1_000_000_000_000_000L;

    public SimulatorConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be within [0, 65535], was " + port);
        }
        requireText("consumerKey", consumerKey);
        requireText("consumerSecret", consumerSecret);
        requireText("callbackSecret", callbackSecret);
        if (startingFloat < 0 || startingFloat > MAX_STARTING_FLOAT) {
            throw new IllegalArgumentException("startingFloat must be within [0, " + MAX_STARTING_FLOAT + "], was " + startingFloat);
        }
        Objects.requireNonNull(faults, "faults");
    }

    /** A fault-free simulator on a free port with the given credentials. */
    public static SimulatorConfig of(String consumerKey, String consumerSecret, String callbackSecret, long seed) {
        return new SimulatorConfig(0, consumerKey, consumerSecret, callbackSecret, seed, DEFAULT_STARTING_FLOAT, Faults.NONE);
    }

    public SimulatorConfig withFaults(Faults newFaults) {
        return new SimulatorConfig(port, consumerKey, consumerSecret, callbackSecret, seed, startingFloat, newFaults);
    }

    public SimulatorConfig withStartingFloat(long newStartingFloat) {
        return new SimulatorConfig(port, consumerKey, consumerSecret, callbackSecret, seed, newStartingFloat, faults);
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
