package com.mizani.providersim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator standalone until the process is stopped:
 * {@code java -jar provider-sim/target/provider-sim-exec.jar --port 8090 --secret s3cret --seed 42}.
 * Exits 2 on bad usage.
 */
public final class ProviderSimulatorMain {

    private static final Set<String> OPTIONS =
            Set.of("--port", "--secret", "--seed", "--consumer-key", "--consumer-secret", "--float", "--faults");
    private static final String USAGE = """
            usage: java -jar provider-sim-exec.jar --secret <callback HMAC secret> [--port 8090] [--seed 42]
                   [--consumer-key mizani] [--consumer-secret mizani-secret] [--float 10000000]
                   [--faults '{"failureRate":0.1,"failureResultCode":1}']""";

    private ProviderSimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        SimulatorConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException | InvalidRequestException usage) {
            System.err.println(usage.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        ProviderSimulator simulator = new ProviderSimulator();
        int port = simulator.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }));
        System.out.printf("provider-sim listening on http://127.0.0.1:%d (seed %d, faults %s)%n",
                port, config.seed(), FaultsJson.toJson(config.faults()));
        stopped.await();
    }

    static SimulatorConfig parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!OPTIONS.contains(args[i]) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + args[i]);
            }
            values.put(args[i], args[++i]);
        }
        if (!values.containsKey("--secret")) {
            throw new IllegalArgumentException("--secret is required: callbacks are signed with it");
        }
        Faults faults = values.containsKey("--faults")
                ? FaultsJson.merge(Faults.NONE, readJson(values.get("--faults")))
                : Faults.NONE;
        return new SimulatorConfig(
                Integer.parseInt(values.getOrDefault("--port", "8090")),
                values.getOrDefault("--consumer-key", "mizani"),
                values.getOrDefault("--consumer-secret", "mizani-secret"),
                values.get("--secret"),
                Long.parseLong(values.getOrDefault("--seed", "42")),
                Long.parseLong(values.getOrDefault("--float", String.valueOf(SimulatorConfig.DEFAULT_STARTING_FLOAT))),
                faults);
    }

    private static JsonNode readJson(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException("--faults is not JSON: " + e.getMessage());
        }
    }
}
