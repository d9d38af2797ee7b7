package com.mizani.kernel.audit;

/**
 * Metadata keys that every command and event carries for the audit trail, next to Axon's own {@code correlationId}
 * (the message whose handling produced this one) and {@code traceId} (the first message of the whole conversation).
 */
public final class AuditMetadata {

    /** On whose behalf: {@code operator:<name>}, {@code client:<id>}, {@code provider:<name>} or {@link #SYSTEM}. */
    public static final String ACTOR = "actor";

    /** The simple name of the command whose handling produced the message. */
    public static final String COMMAND = "command";

    /** The actor of work nobody asked for directly: a scheduled check, a timer, a message with no known origin. */
    public static final String SYSTEM = "system";

    private AuditMetadata() {
    }
}
