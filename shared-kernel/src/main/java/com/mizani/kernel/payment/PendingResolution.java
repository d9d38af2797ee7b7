package com.mizani.kernel.payment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A resolution waiting for approval, as the API shows it.
 *
 * @param outcome  PAID or NOT_PAID
 * @param walletId the wallet a parked C2B payment would credit, or null
 */
public record PendingResolution(UUID proposalId, String outcome, String reason, UUID walletId, String proposedBy,
                                Instant proposedAt) {

    /** To the millisecond, the precision the event store keeps, so the command and the query side answer alike. */
    public PendingResolution {
        proposedAt = proposedAt == null ? null : proposedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    public static String outcomeOf(boolean paid) {
        return paid ? "PAID" : "NOT_PAID";
    }
}
