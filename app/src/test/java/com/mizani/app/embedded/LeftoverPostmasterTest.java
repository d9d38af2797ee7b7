package com.mizani.app.embedded;

import com.mizani.app.support.Api;
import com.mizani.app.support.IntegrationTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * After a kill -9 the embedded PostgreSQL process outlives the application and keeps its data directory locked.
 * A server left running on a data directory stands in for it here.
 */
class LeftoverPostmasterTest {

    @Test
    void aServerLeftRunningOnTheDataDirectoryIsStopped() throws Exception {
        Path directory = IntegrationTest.temporaryDataDir().resolve("postgres");
        try (EmbeddedPostgres leftover = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false).start()) {
            long pid = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).getFirst().trim());
            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isPresent();

            LeftoverPostmaster.stopIfRunning(directory);

            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        }
    }

    /**
     * The leftover runs as its own process, started straight from the PostgreSQL binary, as it would be after the
     * application that started it was killed (an in-process server would still hold this JVM's lock on the directory).
     */
    @Test
    void theApplicationStartsOnADataDirectoryAServerWasLeftRunningOn() throws Exception {
        Path dataDir = IntegrationTest.temporaryDataDir();
        Path directory = dataDir.resolve("postgres");
        String postgresBinary;
        try (EmbeddedPostgres initialised = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false).start()) {
            long pid = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).getFirst().trim());
            postgresBinary = ProcessHandle.of(pid).flatMap(process -> process.info().command()).orElseThrow();
        }
        Process leftover = new ProcessBuilder(postgresCommand(postgresBinary, directory))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(directory.resolve("postmaster.pid"))
                    && Files.readAllLines(directory.resolve("postmaster.pid")).getFirst().trim().equals(Long.toString(leftover.pid())));

            try (ConfigurableApplicationContext app = IntegrationTest.startApplication("mizani.data-dir=" + dataDir)) {
                assertThat(leftover.isAlive()).isFalse();
                Api api = new Api(IntegrationTest.portOf(app));
                assertThat(api.deposit(api.openWallet("KES"), "1.00", "KES").status()).isEqualTo(201);
            }
        } finally {
            leftover.destroyForcibly();
        }
    }

    /** PostgreSQL refuses to run as root; like the embedded server's library, run it in a user namespace then. */
    private static List<String> postgresCommand(String binary, Path directory) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(binary, "-D", directory.toString(), "-p", Integer.toString(port)));
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(0, List.of("unshare", "-U"));
        }
        return command;
    }

    @Test
    void aDataDirectoryWithoutARunningServerIsLeftAlone() {
        Path directory = IntegrationTest.temporaryDataDir().resolve("postgres");

        LeftoverPostmaster.stopIfRunning(directory);

        assertThat(directory).doesNotExist();
    }
}
