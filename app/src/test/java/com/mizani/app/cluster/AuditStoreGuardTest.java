package com.mizani.app.cluster;

import com.mizani.app.support.IntegrationTest;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A node that keeps its audit views in its in-process MongoDB-wire server is alone on its database: a second node
 * refuses to start beside it, whether it would use an in-process server of its own or a shared MongoDB, and says why.
 */
class AuditStoreGuardTest {

    @Test
    void noSecondNodeStartsBesideOneWithAnInProcessAuditStore() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String database = "spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres");
            MongoServer shared = new MongoServer(new MemoryBackend());
            shared.bind("127.0.0.1", 0);
            try (ConfigurableApplicationContext alone = node(database)) {
                assertThatThrownBy(() -> node(database).close())
                        .hasStackTraceContaining("give every node spring.mongodb.uri of one shared MongoDB");
                assertThatThrownBy(() -> node(database,
                        "spring.mongodb.uri=mongodb://127.0.0.1:" + shared.getLocalAddress().getPort() + "/mizani").close())
                        .hasStackTraceContaining("keeps its audit views in its in-process MongoDB-wire server is running");
            } finally {
                shared.shutdownNow();
            }
        }
    }

    private static ConfigurableApplicationContext node(String... settings) {
        String[] all = new String[settings.length + 2];
        System.arraycopy(settings, 0, all, 0, settings.length);
        all[settings.length] = "mizani.data-dir=" + IntegrationTest.temporaryDataDir();
        all[settings.length + 1] = "spring.datasource.username=postgres";
        return IntegrationTest.startApplication(all);
    }
}
