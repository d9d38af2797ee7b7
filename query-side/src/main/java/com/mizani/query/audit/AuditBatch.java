package com.mizani.query.audit;

import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The audit writes of one event batch, in the events' global order. */
final class AuditBatch {

    final Lifecycles transfers = new Lifecycles();
    final Lifecycles payments = new Lifecycles();
    final Lifecycles adjustments = new Lifecycles();
    final List<Document> walletEvents = new ArrayList<>();
    final List<Document> refusedCallbacks = new ArrayList<>();

    /**
     * Entries for the lifecycle documents of one collection. An event of the transfer, payment or adjustment itself
     * creates its document if needed; a wallet leg only joins a document that exists, since its transaction id may name neither.
     */
    static final class Lifecycles {
        final Set<String> created = new LinkedHashSet<>();
        final List<Entry> entries = new ArrayList<>();

        void own(UUID id, AuditEntry entry, Enum<?> status) {
            created.add(id.toString());
            entries.add(new Entry(id.toString(), entry, status == null ? null : status.name()));
        }

        void leg(UUID id, AuditEntry entry) {
            entries.add(new Entry(id.toString(), entry, null));
        }

        boolean isEmpty() {
            return entries.isEmpty();
        }

        Set<String> documentIds() {
            Set<String> ids = new LinkedHashSet<>();
            entries.forEach(entry -> ids.add(entry.documentId()));
            return ids;
        }
    }

    /** Every event of the batch, by id. */
    Set<String> eventIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (Lifecycles lifecycles : List.of(transfers, payments, adjustments)) {
            lifecycles.entries.forEach(entry -> ids.add(entry.entry().eventId()));
        }
        walletEvents.forEach(event -> ids.add(event.getString("eventId")));
        refusedCallbacks.forEach(event -> ids.add(event.getString("eventId")));
        return ids;
    }

    /** @param status the lifecycle's status after this event, or null when the event does not change it */
    record Entry(String documentId, AuditEntry entry, String status) {
    }
}
