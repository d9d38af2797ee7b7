package com.mizani.app.cluster;

import com.mizani.app.support.Api;
import com.mizani.app.support.IntegrationTest;
import com.mizani.app.support.Tokens;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one PostgreSQL and one MongoDB-wire server, with transfers among a few wallets sent to each in turn.
 * A node locks a wallet in the database while it changes it, and reloads a cached wallet another node has moved
 * past: so no command loses a race and is retried, every transfer completes at its first attempt, and each balance is
 * what the transfers say, read from either node.
 */
class TwoNodesTest {

    private static final int WALLETS = 4;
    private static final int TRANSFERS = 160;

    @Test
    void twoNodesChangingTheSameWalletsTakeTurnsInsteadOfRacing() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            MongoServer mongo = new MongoServer(new MemoryBackend());
            mongo.bind("127.0.0.1", 0);
            String jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
            String mongoUri = "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort() + "/mizani";
            try (ConfigurableApplicationContext first = startNode(jdbcUrl, mongoUri);
                 ConfigurableApplicationContext second = startNode(jdbcUrl, mongoUri)) {
                int firstPort = IntegrationTest.portOf(first);
                Api one = new Api(firstPort);
                // The same principal on both nodes, as behind a load balancer: the signing keys are in PostgreSQL.
                Api two = new Api(IntegrationTest.portOf(second),
                        Tokens.client(firstPort, "test-service", Api.DEFAULT_ROLES, null));
                List<String> wallets = new ArrayList<>();
                long[] expectedCents = new long[WALLETS];
                for (int i = 0; i < WALLETS; i++) {
                    wallets.add(one.openWallet("KES"));
                    assertThat(one.deposit(wallets.get(i), "100.00", "KES").status()).isEqualTo(201);
                    expectedCents[i] = 100_00;
                }

                Random random = new Random(42);
                List<Future<Api.Response>> answers = new ArrayList<>();
                try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
                    for (int i = 0; i < TRANSFERS; i++) {
                        int source = random.nextInt(WALLETS);
                        int destination = (source + 1 + random.nextInt(WALLETS - 1)) % WALLETS;
                        expectedCents[source] -= 1_00;
                        expectedCents[destination] += 1_00;
                        Api node = i % 2 == 0 ? one : two;
                        answers.add(clients.submit(() -> node.transfer(UUID.randomUUID().toString(),
                                wallets.get(source), wallets.get(destination), "1.00", "KES")));
                    }
                    for (Future<Api.Response> answer : answers) {
                        Api.Response response = answer.get();
                        assertThat(response.status()).as(response.body()).isEqualTo(201);
                        assertThat(response.text("status")).isEqualTo("COMPLETED");
                    }
                }

                assertThat(retried(first) + retried(second)).as("commands retried after losing a race").isZero();
                for (int i = 0; i < WALLETS; i++) {
                    BigDecimal expected = BigDecimal.valueOf(expectedCents[i], 2);
                    assertThat(new BigDecimal(one.available(wallets.get(i)))).isEqualByComparingTo(expected);
                    assertThat(new BigDecimal(two.available(wallets.get(i)))).isEqualByComparingTo(expected);
                }
            } finally {
                mongo.shutdownNow();
            }
        }
    }

    private static ConfigurableApplicationContext startNode(String jdbcUrl, String mongoUri) {
        return IntegrationTest.startApplication(
                "mizani.data-dir=" + IntegrationTest.temporaryDataDir(),
                "spring.datasource.url=" + jdbcUrl,
                "spring.datasource.username=postgres",
                "spring.mongodb.uri=" + mongoUri,
                // One issuer name for both, so that a token from one node holds at the other.
                "mizani.security.local-issuer=http://mizani-cluster.test");
    }

    private static double retried(ConfigurableApplicationContext node) {
        return node.getBean(MeterRegistry.class).get("mizani.commands.retried").counter().count();
    }
}
