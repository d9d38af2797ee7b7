package com.mizani.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the database alone can commit on this machine: pgbench running single-row INSERT transactions at the
 * benchmark's concurrency, on the same server. Every figure of the run also reads as a ratio to this.
 */
final class Baseline {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    record Result(Double insertTransactionsPerSecond, String command, String note) {
    }

    private Baseline() {
    }

    static Result measure(Postgres postgres, int concurrency, Path workDir) throws Exception {
        Path pgbench = findPgbench();
        if (pgbench == null) {
            return new Result(null, null, "pgbench not found (install postgresql-client); baseline skipped");
        }
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS bench_baseline (id BIGSERIAL PRIMARY KEY, v INT NOT NULL, "
                    + "at TIMESTAMPTZ NOT NULL DEFAULT now())");
        }
        Path script = workDir.resolve("baseline.sql");
        Files.writeString(script, "INSERT INTO bench_baseline (v) VALUES (1);\n");
        List<String> command = List.of(pgbench.toString(), "-n", "-c", Integer.toString(concurrency),
                "-j", Integer.toString(Math.min(concurrency, 4)), "-T", "10", "-f", script.toString(),
                "-h", "localhost", "-p", Integer.toString(postgres.port()), "-U", "postgres", "postgres");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE bench_baseline");
        }
        Matcher tps = TPS.matcher(output);
        if (!tps.find()) {
            return new Result(null, String.join(" ", command), "pgbench gave no tps: " + output.strip());
        }
        return new Result(Double.parseDouble(tps.group(1)), String.join(" ", command), null);
    }

    private static Path findPgbench() throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir, "pgbench");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        Path versions = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(versions)) {
            try (var dirs = Files.list(versions)) {
                return dirs.map(dir -> dir.resolve("bin/pgbench")).filter(Files::isExecutable).findFirst().orElse(null);
            }
        }
        return null;
    }
}
