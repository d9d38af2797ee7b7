package com.mizani.query.audit;

import com.mizani.kernel.audit.AuditMetadata;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * One event as an auditor reads it: what happened ({@code type}, {@code details}), when ({@code at}), where in the
 * global order ({@code position}), on whose behalf ({@code actor}), in answer to which command, and why: the
 * {@code causationId} is the message whose handling produced the event, the {@code correlationId} the first message
 * of the whole conversation (Axon calls these {@code correlationId} and {@code traceId} in its metadata). {@code roles}
 * are the roles the actor held when it asked (null for the system, and for events stored before roles were recorded).
 */
public record AuditEntry(String eventId, String type, Instant at, long position, String actor, String roles,
                         String correlationId, String causationId, String command, Map<String, Object> details) {

    /** The actor of events stored before actors were recorded. */
    static final String UNKNOWN_ACTOR = "unknown";

    static AuditEntry of(EventMessage<?> event, long position) {
        MetaData metaData = event.getMetaData();
        String type = event.getPayloadType().getSimpleName();
        return new AuditEntry(event.getIdentifier(), type.endsWith("Event") ? type.substring(0, type.length() - 5) : type,
                event.getTimestamp(), position, text(metaData, AuditMetadata.ACTOR, UNKNOWN_ACTOR),
                text(metaData, AuditMetadata.ROLES, null),
                text(metaData, MessageOriginProvider.getDefaultTraceKey(), null),
                text(metaData, MessageOriginProvider.getDefaultCorrelationKey(), null),
                text(metaData, AuditMetadata.COMMAND, null),
                event.getPayload() instanceof Record payload ? AuditDetails.of(payload) : Map.of());
    }

    Document toDocument() {
        return new Document("eventId", eventId)
                .append("type", type)
                .append("at", Date.from(at))
                .append("position", position)
                .append("actor", actor)
                .append("roles", roles)
                .append("correlationId", correlationId)
                .append("causationId", causationId)
                .append("command", command)
                .append("details", new Document(details));
    }

    static AuditEntry fromDocument(Document document) {
        return new AuditEntry(document.getString("eventId"), document.getString("type"),
                document.getDate("at").toInstant(), document.get("position", Number.class).longValue(),
                document.getString("actor"), document.getString("roles"), document.getString("correlationId"),
                document.getString("causationId"),
                document.getString("command"), document.get("details", Document.class));
    }

    private static String text(MetaData metaData, String key, String absent) {
        Object value = metaData.get(key);
        return value == null ? absent : value.toString();
    }
}
