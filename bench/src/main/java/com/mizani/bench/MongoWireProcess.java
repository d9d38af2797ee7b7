package com.mizani.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@link MongoWireServer} as a child process of the harness, started from the harness's own jar. The jar is a Spring
 * Boot executable jar (its classes and libraries nested in {@code BOOT-INF/}), so the child is launched through Boot's
 * {@code PropertiesLauncher}, which runs the main class that {@code loader.main} names.
 */
final class MongoWireProcess implements AutoCloseable {

    static final String JVM_HEAP = "-Xmx1g";
    private static final String LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private final Path log;
    private final int port;
    private final Process process;

    private MongoWireProcess(Path log, int port, Process process) {
        this.log = log;
        this.port = port;
        this.process = process;
    }

    /** Starts the server and returns once it says it is listening. */
    static MongoWireProcess start(Path workDir) throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path log = workDir.resolve("mongo-wire-server.log");
        Path benchJar = Path.of(System.getProperty("java.class.path")).toAbsolutePath();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), JVM_HEAP,
                "-Dloader.main=" + MongoWireServer.class.getName(), "-cp", benchJar.toString(), LAUNCHER,
                Integer.toString(port));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        MongoWireProcess server = new MongoWireProcess(log, port, process);
        try {
            server.awaitListening(Duration.ofSeconds(60));
        } catch (IOException | InterruptedException failed) {
            server.close();
            throw failed;
        }
        return server;
    }

    /** The database the app nodes keep their audit views in: the name the app's in-process server uses. */
    String uri() {
        return "mongodb://127.0.0.1:" + port + "/mizani";
    }

    long pid() {
        return process.pid();
    }

    private void awaitListening(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        String ready = MongoWireServer.READY + port;
        while (Instant.now().isBefore(deadline)) {
            if (Files.isRegularFile(log) && Files.readString(log).contains(ready)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IOException("the MongoDB-wire server exited while starting; see " + log);
            }
            Thread.sleep(100);
        }
        throw new IOException("the MongoDB-wire server did not listen within " + timeout + "; see " + log);
    }

    /** SIGTERM, and SIGKILL if it has not stopped within 10 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
