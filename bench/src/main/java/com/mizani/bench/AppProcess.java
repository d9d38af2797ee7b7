package com.mizani.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The packaged application as a separate process, started, killed and restarted by the harness. */
final class AppProcess implements AutoCloseable {

    /**
     * What {@code --compare-auth} turns off for its unauthenticated half: bearer tokens and the access policy, and the
     * rate limits, whose buckets count authenticated principals only and would otherwise still sync with PostgreSQL.
     * Together they are what authentication costs a request.
     */
    static final List<String> AUTHENTICATION_OFF = List.of("--mizani.security.enabled=false",
            "--mizani.rate-limits.enabled=false");

    private final Path jar;
    private final List<String> jvmOptions;
    private final Path workDir;
    private final String jdbcUrl;
    private final boolean profile;
    private final List<String> arguments;
    private final String bootstrapAdminSecret;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private List<String> settings = List.of();
    private Process process;
    private int starts;
    private double cpuSecondsOfEarlierProcesses;

    /**
     * @param heap      the app's heap, fixed (-Xms and -Xmx), e.g. 1g
     * @param arguments further app settings (the provider's address, say), passed again on every restart
     * @param bootstrapAdminSecret the secret of the admin client the app creates on its first start against the
     *                  database ({@link BenchPrincipal}); in the environment, so that it is not on a command line
     */
    AppProcess(Path jar, String heap, Path workDir, String jdbcUrl, boolean profile, List<String> arguments,
               String bootstrapAdminSecret) throws IOException {
        this.jar = jar;
        this.jvmOptions = jvmOptions(heap);
        this.workDir = workDir;
        this.jdbcUrl = jdbcUrl;
        this.profile = profile;
        this.arguments = List.copyOf(arguments);
        this.bootstrapAdminSecret = bootstrapAdminSecret;
        try (ServerSocket free = new ServerSocket(0)) {
            this.port = free.getLocalPort();
        }
    }

    static List<String> jvmOptions(String heap) {
        return List.of("-Xms" + heap, "-Xmx" + heap, "-XX:+UseG1GC");
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    void start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        if (profile) {
            command.add("-XX:StartFlightRecording=filename=" + workDir.resolve("app-" + starts + ".jfr") + ",settings=profile");
        }
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
                "--mizani.data-dir=" + workDir.resolve("app-data"), "--axon.update-check.disabled=true",
                "--logging.level.root=WARN"));
        command.addAll(arguments);
        command.addAll(settings);
        Files.createDirectories(workDir);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("app.log").toFile()));
        builder.environment().put("MIZANI_BOOTSTRAP_ADMIN_SECRET", bootstrapAdminSecret);
        process = builder.start();
        starts++;
        awaitHealthy(Duration.ofSeconds(90));
    }

    /**
     * A graceful stop, then a start with {@code settings} added to the arguments (replacing those of an earlier
     * restart); later restarts, chaos's included, keep them.
     */
    void restartWith(List<String> settings) throws IOException, InterruptedException {
        stop();
        this.settings = List.copyOf(settings);
        start();
    }

    /** SIGKILL: no shutdown hook, no graceful anything, as in a crash. */
    void kill() throws InterruptedException {
        cpuSecondsOfEarlierProcesses += cpuSeconds();
        process.destroyForcibly();
        process.waitFor();
    }

    int starts() {
        return starts;
    }

    long pid() {
        return process.pid();
    }

    /** CPU time of the app across all its runs: user plus system, from /proc (Linux). */
    double totalCpuSeconds() {
        return cpuSecondsOfEarlierProcesses + cpuSeconds();
    }

    private double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks / 100.0;
        } catch (IOException | RuntimeException unavailable) {
            return 0;
        }
    }

    private void awaitHealthy(Duration timeout) throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("the app exited while starting; see " + workDir.resolve("app.log"));
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Still starting.
            }
            Thread.sleep(200);
        }
        throw new IOException("the app did not become healthy within " + timeout + "; see " + workDir.resolve("app.log"));
    }

    /** SIGTERM, and SIGKILL if the app has not stopped within 30 s. */
    private void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            cpuSecondsOfEarlierProcesses += cpuSeconds();
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
