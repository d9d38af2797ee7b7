package com.mizani.query.audit;

import com.mizani.kernel.transfer.TransferStatus;
import com.mizani.query.ledger.EventPositions;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit writer decides by event id, not by position, whether a lifecycle document holds an event: a redelivered
 * batch adds nothing, and an event that committed late (so arrives after one with a higher position) is still added.
 */
class AuditWriterTest {

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private AuditWriter writer;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        mongo = new MongoTemplate(client, "audit-test");
        writer = new AuditWriter(mongo, noEventStore());
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aRedeliveredBatchAddsNothing() {
        UUID transfer = UUID.randomUUID();
        AuditBatch batch = new AuditBatch();
        batch.transfers.own(transfer, entry("requested", 10), TransferStatus.REQUESTED);
        batch.transfers.own(transfer, entry("completed", 11), TransferStatus.COMPLETED);

        writer.write(batch);
        writer.write(batch);

        Document stored = mongo.findById(transfer.toString(), Document.class, AuditCollections.TRANSFERS);
        assertThat(eventIds(stored)).containsExactly("requested", "completed");
        assertThat(stored.getString("status")).isEqualTo("COMPLETED");
        assertThat(stored.get("lastPosition", Number.class).longValue()).isEqualTo(11);
    }

    @Test
    void anEventThatArrivesAfterOneWithAHigherPositionIsStillAdded() {
        UUID transfer = UUID.randomUUID();
        AuditBatch first = new AuditBatch();
        first.transfers.own(transfer, entry("requested", 10), TransferStatus.REQUESTED);
        first.transfers.leg(transfer, entry("debited", 14));
        writer.write(first);

        AuditBatch late = new AuditBatch();
        late.transfers.leg(transfer, entry("credited", 12));
        writer.write(late);
        writer.write(late);

        Document stored = mongo.findById(transfer.toString(), Document.class, AuditCollections.TRANSFERS);
        assertThat(eventIds(stored)).containsExactly("requested", "debited", "credited");
        assertThat(stored.get("lastPosition", Number.class).longValue()).isEqualTo(14);
    }

    @Test
    void aWalletLegJoinsOnlyALifecycleThatExists() {
        UUID unknown = UUID.randomUUID();
        AuditBatch batch = new AuditBatch();
        batch.transfers.leg(unknown, entry("debited", 20));

        writer.write(batch);

        assertThat(mongo.findById(unknown.toString(), Document.class, AuditCollections.TRANSFERS)).isNull();
    }

    private static AuditEntry entry(String eventId, long position) {
        return new AuditEntry(eventId, "Test", Instant.parse("2026-11-21T10:00:00Z").plusSeconds(position), position,
                "client:test", "service", "correlation", "causation", "TestCommand", Map.of());
    }

    private static List<String> eventIds(Document lifecycle) {
        return lifecycle.getList("entries", Document.class).stream().map(entry -> entry.getString("eventId")).toList();
    }

    /** These events are in no event store: each keeps the position its token gave it. */
    private static EventPositions noEventStore() {
        return new EventPositions(null) {
            @Override
            public Map<String, Long> of(Collection<String> eventIds) {
                return Map.of();
            }
        };
    }
}
