package com.mizani.query.audit;

import com.mizani.query.ledger.EventPositions;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Writes an event batch to MongoDB, idempotently, because MongoDB has no transaction with the processor's token: a
 * batch may be written and then redelivered. A lifecycle document takes an event only if it does not hold it yet
 * (by event id: positions cannot decide it, since an event that commits late arrives after later ones); every
 * wallet event and refused callback is keyed by its event id. Every write finds its document by {@code _id} alone,
 * which any MongoDB, the embedded wire server included, answers from the {@code _id} index.
 */
@Component
class AuditWriter {

    private final MongoTemplate mongo;
    private final EventPositions eventPositions;
    private volatile boolean indexed;

    AuditWriter(MongoTemplate mongo, EventPositions eventPositions) {
        this.mongo = mongo;
        this.eventPositions = eventPositions;
    }

    void write(AuditBatch batch) {
        ensureIndexes();
        Map<String, Long> positions = eventPositions.of(batch.eventIds());
        writeLifecycles(AuditCollections.TRANSFERS, batch.transfers, positions);
        writeLifecycles(AuditCollections.PAYMENTS, batch.payments, positions);
        writeLifecycles(AuditCollections.ADJUSTMENTS, batch.adjustments, positions);
        writeEvents(AuditCollections.WALLET_EVENTS, batch.walletEvents, positions);
        writeEvents(AuditCollections.REFUSED_CALLBACKS, batch.refusedCallbacks, positions);
    }

    /** Drops every audit collection, for a replay to rebuild them from the first event. */
    void clear() {
        AuditCollections.ALL.forEach(mongo::dropCollection);
        indexed = false;
    }

    /**
     * One read of the batch's documents (the event ids they hold), then one upsert per document appending its new
     * entries in the batch's order. The audit processor has a single segment, so nothing writes these documents in
     * between. A wallet leg joins only a document that exists or that this batch creates.
     */
    private void writeLifecycles(String collection, AuditBatch.Lifecycles lifecycles, Map<String, Long> positions) {
        if (lifecycles.isEmpty()) {
            return;
        }
        Map<String, Set<String>> held = heldEventIds(collection, lifecycles.documentIds());
        Map<String, List<AuditBatch.Entry>> fresh = new LinkedHashMap<>();
        for (AuditBatch.Entry entry : lifecycles.entries) {
            String id = entry.documentId();
            if (!held.containsKey(id) && !lifecycles.created.contains(id)) {
                continue;
            }
            if (held.computeIfAbsent(id, ignored -> new HashSet<>()).add(entry.entry().eventId())) {
                fresh.computeIfAbsent(id, ignored -> new ArrayList<>()).add(entry);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkMode.UNORDERED, collection);
        fresh.forEach((id, entries) -> {
            List<Document> documents = new ArrayList<>();
            long lastPosition = -1;
            String status = null;
            for (AuditBatch.Entry entry : entries) {
                Document document = withOwnPosition(entry.entry().toDocument(), positions);
                documents.add(document);
                lastPosition = Math.max(lastPosition, document.get("position", Number.class).longValue());
                status = entry.status() != null ? entry.status() : status;
            }
            Update append = new Update().push("entries").each(documents.toArray()).max("lastPosition", lastPosition);
            if (status != null) {
                append.set("status", status);
            }
            bulk.upsert(Query.query(where("_id").is(id)), append);
        });
        bulk.execute();
    }

    /** The event ids each existing document holds; documents that do not exist yet are absent. */
    private Map<String, Set<String>> heldEventIds(String collection, Set<String> documentIds) {
        Query query = Query.query(where("_id").in(documentIds));
        query.fields().include("entries.eventId");
        Map<String, Set<String>> held = new HashMap<>();
        for (Document document : mongo.find(query, Document.class, collection)) {
            Set<String> eventIds = new HashSet<>();
            for (Document entry : document.getList("entries", Document.class, List.of())) {
                eventIds.add(entry.getString("eventId"));
            }
            held.put(document.get("_id").toString(), eventIds);
        }
        return held;
    }

    /** The token's position is the event's own unless the event filled a gap; the event store knows it exactly. */
    private static Document withOwnPosition(Document entry, Map<String, Long> positions) {
        Long own = positions.get(entry.getString("eventId"));
        return own == null ? entry : entry.append("position", own);
    }

    private void writeEvents(String collection, List<Document> events, Map<String, Long> positions) {
        if (events.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkMode.ORDERED, collection);
        for (Document event : events) {
            Document fields = withOwnPosition(new Document(event), positions);
            Object id = fields.remove("_id");
            bulk.upsert(Query.query(where("_id").is(id)), Update.fromDocument(new Document("$setOnInsert", fields)));
        }
        bulk.execute();
    }

    /** Created with the first write rather than at start-up, so that the application starts while MongoDB is down. */
    private void ensureIndexes() {
        if (indexed) {
            return;
        }
        mongo.indexOps(AuditCollections.WALLET_EVENTS).createIndex(
                new Index().on("walletId", Sort.Direction.ASC).on("walletSequence", Sort.Direction.ASC));
        mongo.indexOps(AuditCollections.REFUSED_CALLBACKS).createIndex(new Index().on("position", Sort.Direction.ASC));
        // A search by correlation id (AuditReader.correlated) reads these.
        mongo.indexOps(AuditCollections.WALLET_EVENTS).createIndex(new Index().on("correlationId", Sort.Direction.ASC));
        for (String lifecycles : List.of(AuditCollections.TRANSFERS, AuditCollections.PAYMENTS,
                AuditCollections.ADJUSTMENTS)) {
            mongo.indexOps(lifecycles).createIndex(new Index().on("entries.correlationId", Sort.Direction.ASC));
        }
        indexed = true;
    }
}
