package com.mizani.query.incident;

import com.mizani.kernel.payment.ContradictionKind;
import com.mizani.kernel.payment.CorrectionAction;
import com.mizani.kernel.payment.Evidence;
import com.mizani.kernel.payment.IncidentState;
import com.mizani.kernel.payment.PaymentHistoryLine;
import com.mizani.kernel.payment.PaymentStatus;
import com.mizani.kernel.payment.ProviderResult;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An incident as the operations API shows it. Amounts are decimal strings in major units of {@code currency}.
 *
 * @param walletId          the payment's wallet; with {@code currency}, null for the moment between the contradiction
 *                          and the system's proposal, when the view may not know them yet
 * @param paymentStatus     the payment's (final) status when the incident opened, which it keeps
 * @param booked            what our books said the provider moved for the payment
 * @param claimed           what the provider's message said it moved
 * @param difference        claimed minus booked
 * @param contradictions    the provider's contradicting messages recorded under this incident, the opening one included
 * @param evidence          the message that opened the incident
 * @param latestEvidence    the latest contradicting message (the opening one until another comes)
 * @param pendingCorrection the correction waiting for approval, or null
 * @param resolution        the approved correction, or null while the incident is open
 * @param history           the payment's events up to the opening contradiction, as it carried them
 */
public record IncidentView(UUID incidentId, UUID paymentId, UUID walletId, String currency, ContradictionKind kind,
                           IncidentState.Status status, PaymentStatus paymentStatus, String booked, String claimed,
                           String difference, Instant openedAt, int contradictions, ProviderMessage evidence,
                           ProviderMessage latestEvidence, PendingCorrection pendingCorrection, Resolution resolution,
                           List<PaymentHistoryLine> history) {

    IncidentView withHistory(List<PaymentHistoryLine> lines) {
        return new IncidentView(incidentId, paymentId, walletId, currency, kind, status, paymentStatus, booked, claimed,
                difference, openedAt, contradictions, evidence, latestEvidence, pendingCorrection, resolution, lines);
    }

    /** What the provider said, without the counterparty's number (an incident needs the money, not the person). */
    public record ProviderMessage(Evidence evidence, ProviderResult.Outcome outcome, String resultCode,
                                  String description, String receipt, String amount, Instant at) {
    }

    public record PendingCorrection(UUID proposalId, CorrectionAction action, String amount, String reason,
                                    String proposedBy, Instant proposedAt) {
    }

    // Named apart: the OpenAPI document keeps one schema per simple name, and the payment review's request is a
    // Resolution too.
    @Schema(name = "IncidentResolution")
    public record Resolution(UUID proposalId, CorrectionAction action, String amount, String proposedBy,
                             String approvedBy, String note, Instant resolvedAt) {
    }
}
