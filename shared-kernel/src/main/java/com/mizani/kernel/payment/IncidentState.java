package com.mizani.kernel.payment;

import com.mizani.kernel.money.Money;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A payment's latest incident as the command side answers it.
 *
 * @param status           OPEN until a correction is approved, then RESOLVED
 * @param difference       what the provider says it moved minus what our books say, as of the latest
 *                         contradiction (negative when the provider says it moved less)
 * @param pending          the correction waiting for approval, or null
 * @param resolution       the approved correction, or null while open
 */
public record IncidentState(UUID incidentId, UUID paymentId, Status status, ContradictionKind kind,
                            Money difference, Pending pending, Resolution resolution) {

    public enum Status {
        OPEN, RESOLVED
    }

    public record Pending(UUID proposalId, Correction correction, String reason, String proposedBy,
                          Instant proposedAt) {
        public Pending {
            proposedAt = proposedAt == null ? null : proposedAt.truncatedTo(ChronoUnit.MILLIS);
        }
    }

    public record Resolution(UUID proposalId, Correction correction, String proposedBy, String approvedBy,
                             String note, Instant resolvedAt) {
        public Resolution {
            resolvedAt = resolvedAt == null ? null : resolvedAt.truncatedTo(ChronoUnit.MILLIS);
        }
    }
}
