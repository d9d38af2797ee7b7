package com.mizani.app.support;

import com.mizani.MizaniApplication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * The application in a JVM of its own, started from the test's class path, so that a test can kill it as an
 * operating system would: {@link #kill()} is SIGKILL, with no shutdown hook, no commit and no goodbye.
 */
public final class ApplicationProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;

    private ApplicationProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts it on {@code port} with these settings ({@code name=value}) and waits until it is healthy. */
    public static ApplicationProcess start(int port, Path log, String... settings) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx768m", "-cp", System.getProperty("java.class.path"), MizaniApplication.class.getName(),
                "--server.port=" + port, "--axon.update-check.disabled=true", "--mizani.provider.simulator-port=0",
                "--mizani.security.bootstrap-admin-secret=" + Tokens.ADMIN_SECRET));
        for (String setting : settings) {
            command.add("--" + setting);
        }
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
            ApplicationProcess app = new ApplicationProcess(builder.start(), port);
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (!app.process.isAlive()) {
                    throw new IllegalStateException("the application exited with " + app.process.exitValue()
                            + "; its log is " + log);
                }
                return app.healthy();
            });
            Tokens.forget(port);
            return app;
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private boolean healthy() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL, and waits until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        Tokens.forget(port);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
