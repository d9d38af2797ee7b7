package com.mizani.command.payment;

import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.ContradictionKind;
import com.mizani.kernel.payment.Correction;
import com.mizani.kernel.payment.IncidentState;
import com.mizani.kernel.payment.ProviderResult;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A payment's latest incident: the provider contradicted its books, and it stays open until another principal than
 * the proposer approves a correction (which may be that none is due).
 *
 * @param differenceMinor what the provider says it moved minus what our books say, as of the latest contradiction
 * @param evidence        a key per provider message recorded in this incident, so a repeat of one is not another
 * @param paidReceipts    the receipts (and amounts) the incident's "paid" messages reported
 * @param pending         the correction waiting for approval, or null
 * @param resolution      the approved correction, or null while open
 */
record Incident(UUID incidentId, ContradictionKind kind, long differenceMinor, Set<String> evidence,
                Map<String, Long> paidReceipts, Pending pending, IncidentState.Resolution resolution) {

    record Pending(UUID proposalId, Correction correction, String reason, String proposedBy, Instant proposedAt) {

        /** The same principal asking for the same correction again: a retried request, not a second proposal. */
        boolean isRepeatedBy(String principal, Correction other, String otherReason) {
            return proposedBy.equals(principal) && correction.equals(other) && reason.equals(otherReason);
        }
    }

    Incident {
        evidence = Set.copyOf(evidence);
        paidReceipts = Map.copyOf(paidReceipts);
    }

    /** Incident ids are derived from the payment and the incident's ordinal, so every replay gives the same ones. */
    static UUID idFor(UUID paymentId, int ordinal) {
        return UUID.nameUUIDFromBytes(("incident:" + paymentId + ":" + ordinal).getBytes(StandardCharsets.UTF_8));
    }

    static Incident opened(UUID incidentId, ContradictionKind kind, long differenceMinor, String evidenceKey,
                           ProviderResult result, long requestedMinor) {
        return new Incident(incidentId, kind, differenceMinor, Set.of(), Map.of(), null, null)
                .withEvidence(kind, differenceMinor, evidenceKey, result, requestedMinor);
    }

    Incident withEvidence(ContradictionKind latestKind, long latestDifference, String evidenceKey, ProviderResult result,
                          long requestedMinor) {
        Set<String> keys = new HashSet<>(evidence);
        keys.add(evidenceKey);
        Map<String, Long> receipts = new HashMap<>(paidReceipts);
        if (result.outcome() == ProviderResult.Outcome.PAID && result.receipt() != null) {
            receipts.put(result.receipt(), ProviderBooks.reportedAmount(result, requestedMinor));
        }
        return new Incident(incidentId, latestKind, latestDifference, keys, receipts, pending, resolution);
    }

    /** What identifies a provider message for the incident: what it said, by which receipt, for how much. */
    static String evidenceKey(ProviderResult result, long requestedMinor) {
        return result.outcome() + "|" + result.receipt() + "|" + ProviderBooks.reportedAmount(result, requestedMinor);
    }

    boolean isOpen() {
        return resolution == null;
    }

    Incident withPending(Pending proposal) {
        return new Incident(incidentId, kind, differenceMinor, evidence, paidReceipts, proposal, resolution);
    }

    Incident resolved(IncidentState.Resolution decided) {
        return new Incident(incidentId, kind, differenceMinor, evidence, paidReceipts, null, decided);
    }

    IncidentState view(UUID paymentId, CurrencyCode currency) {
        IncidentState.Pending waiting = pending == null ? null : new IncidentState.Pending(pending.proposalId(),
                pending.correction(), pending.reason(), pending.proposedBy(), pending.proposedAt());
        return new IncidentState(incidentId, paymentId, isOpen() ? IncidentState.Status.OPEN
                : IncidentState.Status.RESOLVED, kind, Money.of(differenceMinor, currency), waiting, resolution);
    }
}
