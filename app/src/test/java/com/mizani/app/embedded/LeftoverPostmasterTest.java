package com.mizani.app.embedded;

import com.mizani.app.support.IntegrationTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void aDataDirectoryWithoutARunningServerIsLeftAlone() {
        Path directory = IntegrationTest.temporaryDataDir().resolve("postgres");

        LeftoverPostmaster.stopIfRunning(directory);

        assertThat(directory).doesNotExist();
    }
}
