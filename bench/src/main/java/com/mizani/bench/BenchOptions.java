package com.mizani.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What one benchmark run does. Parsed from {@code <scenario> [--name value]...}; every option has a default.
 *
 * @param scenario     transfers, hot-wallet, mixed, withdrawals, callbacks or chaos
 * @param duration     measured load time, after the warm-up
 * @param warmup       load time before measuring (excluded from every figure)
 * @param concurrency  client workers, each sending one request at a time (closed loop)
 * @param wallets      funded wallets the load moves money between, pays out of and credits
 * @param kills        chaos only: how many times the app is killed with SIGKILL and restarted
 * @param seed         random seed, so a run can be repeated
 * @param appJar       the packaged application
 * @param workDir      scratch space (database, app data); emptied at the start of a run
 * @param reportDir    where the JSON and markdown reports go
 * @param profile      record a JFR profile of the app into the work directory
 * @param baseline     run the pgbench baseline
 */
record BenchOptions(String scenario, Duration duration, Duration warmup, int concurrency, int wallets, int kills,
                    long seed, Path appJar, Path workDir, Path reportDir, boolean profile, boolean baseline) {

    static final List<String> SCENARIOS = List.of("transfers", "hot-wallet", "mixed", "withdrawals", "callbacks", "chaos");

    static BenchOptions parse(String... args) {
        if (args.length == 0 || !SCENARIOS.contains(args[0])) {
            throw new IllegalArgumentException(usage());
        }
        String scenario = args[0];
        Duration duration = Duration.ofSeconds(60);
        Duration warmup = Duration.ofSeconds(10);
        int concurrency = 64;
        int wallets = 10_000;
        int kills = 5;
        long seed = System.nanoTime();
        Path appJar = Path.of("app/target/mizani.jar");
        Path workDir = Path.of("bench/work");
        Path reportDir = Path.of("bench/reports");
        boolean profile = false;
        boolean baseline = true;
        for (int i = 1; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--profile")) {
                profile = true;
                continue;
            }
            if (name.equals("--no-baseline")) {
                baseline = false;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value\n" + usage());
            }
            String value = args[++i];
            switch (name) {
                case "--duration" -> duration = parseDuration(value);
                case "--warmup" -> warmup = parseDuration(value);
                case "--concurrency" -> concurrency = positive(name, value);
                case "--wallets" -> wallets = positive(name, value);
                case "--kills" -> kills = positive(name, value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--app-jar" -> appJar = Path.of(value);
                case "--work-dir" -> workDir = Path.of(value);
                case "--report-dir" -> reportDir = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + name + "\n" + usage());
            }
        }
        if (wallets < 2) {
            throw new IllegalArgumentException("--wallets must be at least 2");
        }
        return new BenchOptions(scenario, duration, warmup, concurrency, wallets, kills, seed, appJar, workDir,
                reportDir, profile, baseline);
    }

    /** "60s", "2m", "500ms" or plain seconds. */
    static Duration parseDuration(String text) {
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        if (text.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
        }
        if (text.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(text));
    }

    private static int positive(String name, String value) {
        int number = Integer.parseInt(value);
        if (number < 1) {
            throw new IllegalArgumentException(name + " must be at least 1");
        }
        return number;
    }

    static String usage() {
        return """
                usage: bench/run.sh <scenario> [options]
                scenarios:
                  transfers           transfers between random funded wallets
                  hot-wallet          transfers all paid by one wallet
                  mixed               transfers and balance/entry reads, 4:1
                  withdrawals         M-Pesa payouts of 1 KES through the simulator, then a drain until all settle
                  callbacks           signed M-Pesa C2B confirmations, 20% exact repeats
                  chaos               mixed plus payouts, with SIGKILLs, a database restart and provider faults
                options:
                  --duration 60s      measured time (after warm-up)
                  --warmup 10s        warm-up, excluded from the figures
                  --concurrency 64    closed-loop client workers
                  --wallets 10000     funded wallets
                  --kills 5           chaos: SIGKILLs of the app during the run
                  --seed N            random seed (default: time)
                  --profile           record a JFR profile of the app
                  --no-baseline       skip the pgbench baseline
                  --app-jar, --work-dir, --report-dir   paths (defaults: app/target/mizani.jar, bench/work, bench/reports)""";
    }
}
