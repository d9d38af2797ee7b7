package com.mizani.query.audit;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.query.support.Page;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Reads the audit views back into the shapes the API answers with. */
@Component
class AuditReader {

    private final MongoTemplate mongo;

    AuditReader(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    LifecycleAudit lifecycle(String collection, UUID id) {
        Document document = mongo.findById(id.toString(), Document.class, collection);
        if (document == null) {
            throw new MizaniException(ErrorCode.AUDIT_RECORD_NOT_FOUND, "no audit record for " + id);
        }
        List<AuditEntry> entries = document.getList("entries", Document.class, List.of()).stream()
                .map(AuditEntry::fromDocument)
                .toList();
        return new LifecycleAudit(id, document.getString("status"), entries);
    }

    /** A wallet's events after {@code cursor}, in the wallet's order; an unknown wallet has no audit record. */
    Page<WalletAuditEntry> walletEvents(UUID walletId, int limit, String cursor) {
        long after = Page.decodeCursor(cursor);
        Query query = Query.query(where("walletId").is(walletId.toString()).and("walletSequence").gt(after));
        Page<WalletAuditEntry> page = page(AuditCollections.WALLET_EVENTS, query, "walletSequence", limit,
                document -> new WalletAuditEntry(walletId, sequenceOf(document, "walletSequence"),
                        AuditEntry.fromDocument(document)),
                WalletAuditEntry::walletSequence);
        if (page.items().isEmpty() && after < 0) {
            throw new MizaniException(ErrorCode.AUDIT_RECORD_NOT_FOUND, "no audit record for wallet " + walletId);
        }
        return page;
    }

    Page<AuditEntry> refusedCallbacks(int limit, String cursor) {
        Query query = Query.query(where("position").gt(Page.decodeCursor(cursor)));
        return page(AuditCollections.REFUSED_CALLBACKS, query, "position", limit, AuditEntry::fromDocument,
                AuditEntry::position);
    }

    /** Reads one more than asked: that tells whether a next page exists without counting. */
    private <T> Page<T> page(String collection, Query query, String key, int limit, Function<Document, T> read,
                             Function<T, Long> keyOf) {
        List<T> found = mongo.find(query.with(Sort.by(key)).limit(limit + 1), Document.class, collection).stream()
                .map(read)
                .toList();
        if (found.size() <= limit) {
            return new Page<>(found, null);
        }
        List<T> items = found.subList(0, limit);
        return new Page<>(items, Page.encodeCursor(keyOf.apply(items.getLast())));
    }

    private static long sequenceOf(Document document, String field) {
        return document.get(field, Number.class).longValue();
    }
}
