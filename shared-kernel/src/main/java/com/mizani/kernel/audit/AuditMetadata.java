package com.mizani.kernel.audit;

/**
 * Metadata keys that every command and event carries for the audit trail, next to Axon's own {@code correlationId}
 * (the message whose handling produced this one) and {@code traceId} (the first message of the whole conversation).
 */
public final class AuditMetadata {

    /**
     * On whose behalf: the authenticated principal ({@code client:<client id>} or {@code user:<subject>}),
     * {@code provider:<name>} for a provider's callback, or {@link #SYSTEM}.
     */
    public static final String ACTOR = "actor";

    /** The roles the actor held when it asked, comma-separated ({@code service,teller}); absent for the system. */
    public static final String ROLES = "roles";

    /** The simple name of the command whose handling produced the message. */
    public static final String COMMAND = "command";

    /** The actor of work nobody asked for directly: a scheduled check, a timer, a message with no known origin. */
    public static final String SYSTEM = "system";

    private AuditMetadata() {
    }
}
