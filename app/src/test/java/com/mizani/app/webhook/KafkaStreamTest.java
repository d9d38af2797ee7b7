package com.mizani.app.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mizani.app.support.Api;
import com.mizani.app.support.IntegrationTest;
import com.mizani.app.support.PublicEventSchema;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The public events on a real Kafka broker (KRaft, in this JVM): keyed by resource, in each resource's order, valid
 * against the schema; and after the application stops and starts again on the same store, it goes on from its
 * token, neither losing nor repeating what it had sent.
 */
class KafkaStreamTest {

    private static final String TOPIC = "mizani.events.test";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static EmbeddedKafkaKraftBroker broker;
    private static KafkaConsumer<String, byte[]> consumer;
    private static final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 3, TOPIC);
        broker.afterPropertiesSet();
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "kafka-stream-test", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(TOPIC));
    }

    @AfterAll
    static void stopBroker() {
        consumer.close();
        broker.destroy();
    }

    @Test
    void eachResourcesEventsAreKeyedByItAndInOrderAndARestartGoesOnFromTheToken() throws IOException {
        Path dataDir = IntegrationTest.temporaryDataDir();
        String[] settings = {"mizani.data-dir=" + dataDir, "mizani.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "mizani.kafka.topic=" + TOPIC};
        List<String> wallets = new ArrayList<>();
        try (ConfigurableApplicationContext app = IntegrationTest.startApplication(settings)) {
            Api api = new Api(IntegrationTest.portOf(app));
            wallets.add(api.openWallet("KES"));
            wallets.add(api.openWallet("KES"));
            assertThat(api.deposit(wallets.get(0), "50.00", "KES").status()).isEqualTo(201);
            for (int i = 0; i < 6; i++) {
                assertThat(api.transfer(UUID.randomUUID().toString(), wallets.get(i % 2), wallets.get((i + 1) % 2),
                        "1.00", "KES").status()).isEqualTo(201);
            }
            // Each wallet: opened, 3 debits and 3 credits; the first also its deposit's credit.
            awaitRecords(wallets.get(0), 8);
            awaitRecords(wallets.get(1), 7);
        }
        int before = records.size();
        try (ConfigurableApplicationContext again = IntegrationTest.startApplication(settings)) {
            Api api = new Api(IntegrationTest.portOf(again));
            assertThat(api.deposit(wallets.get(1), "5.00", "KES").status()).isEqualTo(201);
            awaitRecords(wallets.get(1), 8);
        }

        for (String wallet : wallets) {
            List<ConsumerRecord<String, byte[]>> mine = walletRecords(wallet);
            assertThat(mine).extracting(ConsumerRecord::key).containsOnly(wallet);
            assertThat(mine).extracting(ConsumerRecord::partition).as("one partition per wallet").hasSize(mine.size())
                    .containsOnly(mine.getFirst().partition());
            List<Long> positions = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : mine) {
                String body = new String(record.value(), StandardCharsets.UTF_8);
                assertThat(PublicEventSchema.violations(body)).as(body).isEmpty();
                JsonNode event = JSON.readTree(body);
                assertThat(new String(record.headers().lastHeader("id").value(), StandardCharsets.UTF_8))
                        .isEqualTo(event.path("id").asText());
                assertThat(new String(record.headers().lastHeader("type").value(), StandardCharsets.UTF_8))
                        .isEqualTo(event.path("type").asText());
                positions.add(event.path("position").asLong());
            }
            assertThat(positions).as("wallet %s in the store's order", wallet).isSorted().doesNotHaveDuplicates();
        }
        Map<String, Integer> timesById = new HashMap<>();
        records.forEach(record -> timesById.merge(new String(record.headers().lastHeader("id").value(),
                StandardCharsets.UTF_8), 1, Integer::sum));
        assertThat(timesById.values()).as("after the restart, nothing was sent again").containsOnly(1);
        assertThat(records.size()).as("the restart sent the new deposit's events").isGreaterThan(before);
        Set<String> types = new java.util.TreeSet<>();
        records.forEach(record -> types.add(new String(record.headers().lastHeader("type").value(),
                StandardCharsets.UTF_8)));
        assertThat(types).contains("wallet.opened", "wallet.credited", "wallet.debited", "transfer.requested",
                "transfer.completed", "payment.deposit_requested");
    }

    private static void awaitRecords(String walletId, int count) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            return walletRecords(walletId).size() >= count;
        });
    }

    private static List<ConsumerRecord<String, byte[]>> walletRecords(String walletId) {
        return records.stream().filter(record -> walletId.equals(record.key())).toList();
    }
}
