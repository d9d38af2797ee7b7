package com.mizani.query.audit;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.query.support.Page;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Reads the audit views back into the shapes the API answers with. */
@Component
class AuditReader {

    private static final Map<Correlated.Kind, String> LIFECYCLES = new EnumMap<>(Map.of(
            Correlated.Kind.TRANSFER, AuditCollections.TRANSFERS,
            Correlated.Kind.PAYMENT, AuditCollections.PAYMENTS,
            Correlated.Kind.ADJUSTMENT, AuditCollections.ADJUSTMENTS));

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

    /** Every record with an event of the conversation, up to {@link Correlated#LIMIT} of each kind. */
    Correlated correlated(UUID correlationId) {
        String id = correlationId.toString();
        List<Correlated.Match> matches = new ArrayList<>();
        boolean truncated = false;
        for (Map.Entry<Correlated.Kind, String> lifecycle : LIFECYCLES.entrySet()) {
            Query query = Query.query(where("entries.correlationId").is(id)).limit(Correlated.LIMIT + 1);
            query.fields().include("_id", "status");
            List<Document> found = mongo.find(query, Document.class, lifecycle.getValue());
            truncated |= found.size() > Correlated.LIMIT;
            found.stream().limit(Correlated.LIMIT).forEach(document -> matches.add(new Correlated.Match(
                    lifecycle.getKey(), document.get("_id").toString(), document.getString("status"))));
        }
        List<String> wallets = mongo.findDistinct(Query.query(where("correlationId").is(id)), "walletId",
                AuditCollections.WALLET_EVENTS, String.class);
        truncated |= wallets.size() > Correlated.LIMIT;
        wallets.stream().sorted().limit(Correlated.LIMIT)
                .forEach(wallet -> matches.add(new Correlated.Match(Correlated.Kind.WALLET, wallet, null)));
        if (matches.isEmpty()) {
            throw new MizaniException(ErrorCode.AUDIT_RECORD_NOT_FOUND, "no audit record has an event with "
                    + "correlation id " + id);
        }
        return new Correlated(id, matches, truncated);
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
