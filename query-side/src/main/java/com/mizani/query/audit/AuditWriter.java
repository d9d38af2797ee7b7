package com.mizani.query.audit;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Writes an event batch to MongoDB, idempotently, because MongoDB has no transaction with the processor's token: a
 * batch may be written and then redelivered. Every lifecycle document remembers the global position of its last
 * entry and takes an entry only past it; every wallet event and refused callback is keyed by its event id.
 */
@Component
class AuditWriter {

    private final MongoTemplate mongo;
    private volatile boolean indexed;

    AuditWriter(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void write(AuditBatch batch) {
        ensureIndexes();
        writeLifecycles(AuditCollections.TRANSFERS, batch.transfers);
        writeLifecycles(AuditCollections.PAYMENTS, batch.payments);
        writeEvents(AuditCollections.WALLET_EVENTS, batch.walletEvents);
        writeEvents(AuditCollections.REFUSED_CALLBACKS, batch.refusedCallbacks);
    }

    /** Drops every audit collection, for a replay to rebuild them from the first event. */
    void clear() {
        AuditCollections.ALL.forEach(mongo::dropCollection);
        indexed = false;
    }

    /**
     * Ordered, so that the creations come first and one document's entries are appended in the events' order. The
     * creations set fields on insert only; an entry is pushed only past the document's last position, so a repeated
     * batch (or a longer one overlapping it) adds each event exactly once.
     */
    private void writeLifecycles(String collection, AuditBatch.Lifecycles lifecycles) {
        if (lifecycles.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkMode.ORDERED, collection);
        for (String id : lifecycles.created) {
            bulk.upsert(Query.query(where("_id").is(id)), new Update().setOnInsert("lastPosition", -1L));
        }
        for (AuditBatch.Entry entry : lifecycles.entries) {
            long position = entry.entry().position();
            Update append = new Update().push("entries", entry.entry().toDocument()).set("lastPosition", position);
            if (entry.status() != null) {
                append.set("status", entry.status());
            }
            bulk.updateOne(Query.query(where("_id").is(entry.documentId()).and("lastPosition").lt(position)), append);
        }
        bulk.execute();
    }

    private void writeEvents(String collection, List<Document> events) {
        if (events.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkMode.ORDERED, collection);
        for (Document event : events) {
            Document fields = new Document(event);
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
        indexed = true;
    }
}
