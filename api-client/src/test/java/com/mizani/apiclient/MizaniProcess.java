package com.mizani.apiclient;

import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * The packaged application ({@code app/target/mizani.jar}) as a separate process on its embedded defaults, as a user
 * runs it: its own PostgreSQL in a fresh data directory, its own MongoDB-wire server, token issuer and M-Pesa
 * simulator. Started the way the bench harness's {@code AppProcess} starts it; that class is bench's own (and bench
 * brings its own PostgreSQL), so this is the small part of it the client test needs.
 */
final class MizaniProcess implements AutoCloseable {

    /** A first start creates the database and runs every migration; on a busy two-core machine that takes a while. */
    private static final Duration STARTUP = Duration.ofMinutes(3);
    /** Graceful shutdown has 20 s per phase (application.yml); past this the process and its children are killed. */
    private static final Duration SHUTDOWN = Duration.ofSeconds(60);
    private static final int LOG_TAIL_LINES = 60;

    private final Process process;
    private final URI baseUri;
    private final String adminSecret;
    private final Path dataDir;
    private final Path log;
    private final Thread killOnExit;

    private MizaniProcess(Process process, URI baseUri, String adminSecret, Path dataDir, Path log) {
        this.process = process;
        this.baseUri = baseUri;
        this.adminSecret = adminSecret;
        this.dataDir = dataDir;
        this.log = log;
        // If the test JVM itself is stopped (Ctrl-C, a surefire timeout), the app must not outlive it.
        this.killOnExit = new Thread(process::destroy, "stop-mizani");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Starts the jar named by the system property {@code mizani.jar} and returns once {@code /actuator/health}
     * answers 200. The log goes to {@code mizani.log} in {@code mizani.app-work-dir} (target/app under Maven).
     */
    static MizaniProcess start() throws IOException {
        Path jar = Path.of(System.getProperty("mizani.jar", "../app/target/mizani.jar")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: this test runs the packaged app. Build it in the same "
                    + "reactor: ./mvnw -pl api-client -am verify (or ./mvnw verify) packages app before api-client.");
        }
        Path workDir = Path.of(System.getProperty("mizani.app-work-dir", "target/app")).toAbsolutePath();
        Files.createDirectories(workDir);
        Path dataDir = Files.createTempDirectory("mizani-api-client-");
        Path log = workDir.resolve("mizani.log");
        int port = freePort();
        String adminSecret = "api-client-" + UUID.randomUUID();

        ProcessBuilder builder = new ProcessBuilder(List.of(java(), "-jar", jar.toString(),
                "--server.port=" + port,
                // The simulator binds any free port and the app pays through the one it got.
                "--mizani.provider.simulator-port=0",
                "--mizani.data-dir=" + dataDir))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        // Embedded defaults whatever the shell that runs the build exports (a real database, production mode, ...).
        environment.keySet().removeIf(name -> name.startsWith("MIZANI_") || name.startsWith("MPESA_")
                || name.startsWith("SPRING_") || name.equals("PORT"));
        environment.put("MIZANI_BOOTSTRAP_ADMIN_SECRET", adminSecret);
        environment.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");

        MizaniProcess mizani = new MizaniProcess(builder.start(), URI.create("http://localhost:" + port), adminSecret,
                dataDir, log);
        try {
            mizani.awaitHealthy();
        } catch (RuntimeException notStarted) {
            mizani.close();
            throw notStarted;
        }
        return mizani;
    }

    URI baseUri() {
        return baseUri;
    }

    /** The secret of the bootstrap admin client {@code mizani-admin}, which the first start creates. */
    String adminSecret() {
        return adminSecret;
    }

    private void awaitHealthy() {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(baseUri.resolve("/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        try {
            await("Mizani at " + baseUri + " answering /actuator/health with 200")
                    .atMost(STARTUP)
                    .pollInterval(Duration.ofMillis(250))
                    .failFast("Mizani exited while starting", () -> !process.isAlive())
                    .ignoreExceptionsInstanceOf(IOException.class)
                    .until(() -> http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        } catch (ConditionTimeoutException | TerminalFailureException failed) {
            throw new IllegalStateException(failed.getMessage() + "; the end of " + log + ":\n" + logTail(), failed);
        }
    }

    private String logTail() {
        try (Stream<String> lines = Files.lines(log)) {
            List<String> all = lines.toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - LOG_TAIL_LINES), all.size()));
        } catch (IOException | UncheckedIOException unreadable) {
            return "(unreadable: " + unreadable.getMessage() + ")";
        }
    }

    /**
     * SIGTERM, so that the app shuts down gracefully and stops its embedded PostgreSQL; if it has not exited in time,
     * SIGKILL for it and every process it started (PostgreSQL would otherwise outlive it).
     */
    @Override
    public void close() {
        try {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            if (!process.waitFor(SHUTDOWN.toSeconds(), TimeUnit.SECONDS)) {
                children.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor();
            }
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
            deleteRecursively(dataDir);
        }
    }

    /** The java of the JVM running the tests, so the app runs on the JDK the build chose. */
    private static String java() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException leftOver) {
            System.err.println("could not delete " + directory + ": " + leftOver);
        }
    }
}
