package com.mizani.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the database alone can do on this machine, on the same server at the benchmark's concurrency, measured with
 * pgbench before the app starts: single-row INSERT transactions (the commit rate), and a minimal pure-SQL
 * double-entry ledger's transfers between random pairs of as many accounts as the run has wallets. The second is
 * the ledger Mizani is measured against: every transfer figure of the run also reads as a ratio to it.
 */
final class Baseline {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final int SECONDS = 10;

    /**
     * The reference ledger: accounts with a balance that may not go negative, entries with running balances, and a
     * transfer that locks both accounts in id order, refuses what the source cannot pay, writes both entries and
     * both balances, all in one transaction (pgbench's, one per call).
     */
    static final String LEDGER = """
            CREATE TABLE bench_account (id BIGINT PRIMARY KEY, balance BIGINT NOT NULL CHECK (balance >= 0));
            CREATE TABLE bench_entry (id BIGSERIAL PRIMARY KEY, account_id BIGINT NOT NULL, transfer_id BIGINT NOT NULL,
                amount BIGINT NOT NULL, balance_after BIGINT NOT NULL, at TIMESTAMPTZ NOT NULL DEFAULT now());
            CREATE SEQUENCE bench_transfer_id;
            CREATE FUNCTION bench_transfer(source BIGINT, destination BIGINT, amount BIGINT) RETURNS BOOLEAN AS $$
            DECLARE
                source_after BIGINT;
                destination_after BIGINT;
                transfer BIGINT;
            BEGIN
                IF source = destination OR amount <= 0 THEN
                    RETURN FALSE;
                END IF;
                PERFORM 1 FROM bench_account WHERE id IN (source, destination) ORDER BY id FOR UPDATE;
                SELECT balance - amount INTO source_after FROM bench_account WHERE id = source;
                IF source_after IS NULL OR source_after < 0 THEN
                    RETURN FALSE;
                END IF;
                UPDATE bench_account SET balance = source_after WHERE id = source;
                UPDATE bench_account SET balance = balance + amount WHERE id = destination
                    RETURNING balance INTO destination_after;
                transfer := nextval('bench_transfer_id');
                INSERT INTO bench_entry (account_id, transfer_id, amount, balance_after)
                    VALUES (source, transfer, -amount, source_after), (destination, transfer, amount, destination_after);
                RETURN TRUE;
            END
            $$ LANGUAGE plpgsql;
            """;

    /** A transfer of 1.00 between two different accounts picked at random, as the load's transfers are. */
    static final String TRANSFER_SCRIPT = """
            \\set source random(1, :accounts)
            \\set destination 1 + (:source + random(0, :accounts - 2)) % :accounts
            SELECT bench_transfer(:source, :destination, 100);
            """;

    record Result(Double insertTransactionsPerSecond, Double ledgerTransfersPerSecond, String command, String note) {
    }

    private Baseline() {
    }

    static Result measure(Postgres postgres, int concurrency, int accounts, Path workDir) throws Exception {
        Path pgbench = findPgbench();
        if (pgbench == null) {
            return new Result(null, null, null, "pgbench not found (install postgresql-client); baseline skipped");
        }
        execute(postgres, "CREATE TABLE IF NOT EXISTS bench_baseline (id BIGSERIAL PRIMARY KEY, v INT NOT NULL, "
                + "at TIMESTAMPTZ NOT NULL DEFAULT now())");
        Path inserts = workDir.resolve("baseline.sql");
        Files.writeString(inserts, "INSERT INTO bench_baseline (v) VALUES (1);\n");
        List<String> insertCommand = pgbench(pgbench, postgres, concurrency, inserts, List.of());
        String insertOutput = run(insertCommand);
        execute(postgres, "DROP TABLE bench_baseline");

        int ledgerAccounts = Math.max(2, accounts);
        execute(postgres, LEDGER);
        execute(postgres, "INSERT INTO bench_account (id, balance) SELECT id, 1000000000000 FROM generate_series(1, "
                + ledgerAccounts + ") AS id");
        Path transfers = workDir.resolve("baseline-transfer.sql");
        Files.writeString(transfers, TRANSFER_SCRIPT);
        List<String> transferCommand = pgbench(pgbench, postgres, concurrency, transfers,
                List.of("-D", "accounts=" + ledgerAccounts));
        String transferOutput = run(transferCommand);
        execute(postgres, "DROP FUNCTION bench_transfer; DROP SEQUENCE bench_transfer_id; DROP TABLE bench_entry; "
                + "DROP TABLE bench_account");

        Double insertTps = tps(insertOutput);
        Double transferTps = tps(transferOutput);
        String commands = String.join(" ", insertCommand) + " ; " + String.join(" ", transferCommand);
        String note = insertTps == null ? "pgbench gave no insert tps: " + insertOutput.strip()
                : transferTps == null ? "pgbench gave no ledger transfer tps: " + transferOutput.strip() : null;
        return new Result(insertTps, transferTps, commands, note);
    }

    private static List<String> pgbench(Path pgbench, Postgres postgres, int concurrency, Path script,
                                        List<String> variables) {
        List<String> command = new ArrayList<>(List.of(pgbench.toString(), "-n",
                "-c", Integer.toString(concurrency), "-j", Integer.toString(Math.min(concurrency, 4)),
                "-T", Integer.toString(SECONDS), "-f", script.toString()));
        command.addAll(variables);
        command.addAll(List.of("-h", "localhost", "-p", Integer.toString(postgres.port()), "-U", "postgres", "postgres"));
        return command;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return output;
    }

    private static void execute(Postgres postgres, String sql) throws Exception {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Double tps(String output) {
        Matcher tps = TPS.matcher(output);
        return tps.find() ? Double.parseDouble(tps.group(1)) : null;
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
