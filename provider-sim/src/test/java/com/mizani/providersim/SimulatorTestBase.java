package com.mizani.providersim;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Starts a fresh simulator and callback receiver per test, on free ports of 127.0.0.1. */
abstract class SimulatorTestBase {

    static final String B2C_RESULT = "/b2c/result";
    static final String B2C_TIMEOUT = "/b2c/timeout";
    static final String BALANCE_RESULT = "/balance/result";
    static final String C2B_CONFIRMATION = "/c2b/confirmation";
    static final String STATUS_RESULT = "/status/result";
    static final String MSISDN = "254708374149";

    ProviderSimulator simulator;
    CallbackReceiver receiver;
    SimulatorClient client;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = new CallbackReceiver();
    }

    @AfterEach
    void stopEverything() {
        if (client != null) {
            client.close();
        }
        if (simulator != null) {
            simulator.close();
        }
        receiver.close();
    }

    void startSimulator(Faults faults) throws IOException {
        startSimulator(config(42).withFaults(faults));
    }

    void startSimulator(SimulatorConfig config) throws IOException {
        simulator = new ProviderSimulator();
        simulator.start(config);
        client = new SimulatorClient(simulator.baseUri());
    }

    static SimulatorConfig config(long seed) {
        return SimulatorConfig.of(SimulatorClient.CONSUMER_KEY, SimulatorClient.CONSUMER_SECRET, SimulatorClient.CALLBACK_SECRET, seed);
    }

    String b2cResultUrl() {
        return receiver.url(B2C_RESULT);
    }

    String statusResultUrl() {
        return receiver.url(STATUS_RESULT);
    }

    /** Like the app, one callback URL per payment, so the simulator can deduplicate pushes by it. */
    static String stkCallbackPath(String paymentId) {
        return "/stk/callback/" + paymentId;
    }

    String stkCallbackUrl(String paymentId) {
        return receiver.url(stkCallbackPath(paymentId));
    }

    static long floatMinor() {
        return SimulatorConfig.DEFAULT_STARTING_FLOAT * 100;
    }
}
