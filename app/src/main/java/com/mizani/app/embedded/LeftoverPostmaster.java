package com.mizani.app.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The embedded PostgreSQL runs as a separate process. If the application was killed (kill -9, power cut), that
 * process outlives it and keeps the data directory locked, so the next start would fail. Before starting, this
 * stops such a leftover server: politely first (SIGTERM, a "smart" shutdown that completes as soon as the dead
 * application's connections are gone), forcibly if it will not go; PostgreSQL recovers from its WAL either way.
 */
final class LeftoverPostmaster {

    private static final Logger log = LoggerFactory.getLogger(LeftoverPostmaster.class);
    private static final Duration POLITE_WAIT = Duration.ofSeconds(30);

    private LeftoverPostmaster() {
    }

    static void stopIfRunning(Path dataDirectory) {
        leftoverServer(dataDirectory).ifPresent(server -> {
            log.warn("A PostgreSQL server (pid {}) left by an earlier run still holds {}; stopping it",
                    server.pid(), dataDirectory);
            server.destroy();
            if (!exitedWithin(server, POLITE_WAIT)) {
                log.warn("PostgreSQL pid {} did not stop within {}; killing it", server.pid(), POLITE_WAIT);
                server.destroyForcibly();
                exitedWithin(server, POLITE_WAIT);
            }
        });
    }

    private static Optional<ProcessHandle> leftoverServer(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            long pid = Long.parseLong(lines.getFirst().trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(LeftoverPostmaster::isPostgres);
        } catch (IOException | RuntimeException unreadable) {
            // A pid file we cannot read belongs to no running server we could stop; PostgreSQL itself will judge.
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(command -> command.endsWith("postgres")).orElse(false);
    }

    private static boolean exitedWithin(ProcessHandle process, Duration wait) {
        try {
            process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException stillRunning) {
            return false;
        } catch (ExecutionException impossible) {
            return !process.isAlive();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
