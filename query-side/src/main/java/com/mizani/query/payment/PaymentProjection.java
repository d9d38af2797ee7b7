package com.mizani.query.payment;

import com.mizani.kernel.payment.C2bPaymentReceivedEvent;
import com.mizani.kernel.payment.Correction;
import com.mizani.kernel.payment.DepositRequestedEvent;
import com.mizani.kernel.payment.FindPaymentStatusQuery;
import com.mizani.kernel.payment.IncidentCorrectionProposedEvent;
import com.mizani.kernel.payment.IncidentCorrectionRejectedEvent;
import com.mizani.kernel.payment.IncidentResolvedEvent;
import com.mizani.kernel.payment.MobileDepositAcceptedEvent;
import com.mizani.kernel.payment.MobileDepositRequestedEvent;
import com.mizani.kernel.payment.PaymentAmbiguousEvent;
import com.mizani.kernel.payment.PaymentConfirmedEvent;
import com.mizani.kernel.payment.PaymentContradictedEvent;
import com.mizani.kernel.payment.PaymentEvent;
import com.mizani.kernel.payment.PaymentFailedEvent;
import com.mizani.kernel.payment.PaymentRejectedEvent;
import com.mizani.kernel.payment.PaymentResolutionApprovedEvent;
import com.mizani.kernel.payment.PaymentResolutionProposedEvent;
import com.mizani.kernel.payment.PaymentResolutionRejectedEvent;
import com.mizani.kernel.payment.PaymentReviewRequiredEvent;
import com.mizani.kernel.payment.PaymentReviewResolvedEvent;
import com.mizani.kernel.payment.PaymentSettledEvent;
import com.mizani.kernel.payment.PaymentStatusQueriedEvent;
import com.mizani.kernel.payment.PaymentStatusUpdate;
import com.mizani.kernel.payment.PaymentSubmittedEvent;
import com.mizani.kernel.payment.PendingResolution;
import com.mizani.kernel.payment.ProviderResult;
import com.mizani.kernel.payment.ProviderResultIgnoredEvent;
import com.mizani.kernel.payment.RecordStatusQueryCommand;
import com.mizani.kernel.payment.WithdrawalRequestedEvent;
import com.mizani.kernel.payment.WithdrawalReservedEvent;
import com.mizani.query.live.StatusUpdates;
import com.mizani.query.support.ProjectionBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every payment's current state and its timeline, for {@code GET /api/v1/payments/{id}} and the operations lists.
 * Idempotent: a timeline row is unique per (payment, sequence) and the view only moves forward in the payment's
 * sequence, so a redelivered or replayed event changes nothing. Each status change goes to the live status streams
 * once the batch has committed.
 */
@Component
@ProcessingGroup(PaymentProjection.PROCESSING_GROUP)
public class PaymentProjection {

    public static final String PROCESSING_GROUP = "payments";

    private final PaymentViewRepository payments;
    private final PaymentTimelineRepository timeline;
    private final StatusUpdates statusUpdates;

    public PaymentProjection(PaymentViewRepository payments, PaymentTimelineRepository timeline,
                             StatusUpdates statusUpdates) {
        this.payments = payments;
        this.timeline = timeline;
        this.statusUpdates = statusUpdates;
    }

    // ---- creation ---------------------------------------------------------------------------------------------

    @EventHandler
    void on(DepositRequestedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        created(NewPayment.of(event, sequence, at), "deposit requested");
    }

    @EventHandler
    void on(WithdrawalRequestedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        created(NewPayment.of(event, sequence, at), "payout to " + event.msisdn().masked() + " requested");
    }

    @EventHandler
    void on(MobileDepositRequestedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        created(NewPayment.of(event, sequence, at), "STK push deposit from " + event.msisdn().masked() + " requested");
    }

    @EventHandler
    void on(C2bPaymentReceivedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        created(NewPayment.of(event, sequence, at),
                "pay bill payment " + event.transId() + " for reference '" + event.billReference() + "'");
    }

    // ---- lifecycle --------------------------------------------------------------------------------------------

    @EventHandler
    void on(WithdrawalReservedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        changed(PaymentChange.of(event, sequence, at), event, event.amount().plus(event.fee()) + " held on the wallet");
    }

    @EventHandler
    void on(MobileDepositAcceptedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        timeline(event, sequence, at, "the wallet will take the deposit; push to be sent");
    }

    @EventHandler
    void on(PaymentSubmittedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        changed(PaymentChange.submitted(event, sequence, at), event,
                "provider acknowledged as " + event.providerReference());
    }

    @EventHandler
    void on(PaymentAmbiguousEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        changed(PaymentChange.of(event, sequence, at), event, event.reason());
    }

    @EventHandler
    void on(PaymentStatusQueriedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        String question = event.attempt() == RecordStatusQueryCommand.ON_REQUEST ? "status query asked by operations"
                : "status query #" + event.attempt();
        timeline(event, sequence, at, question + (event.sent() ? " sent" : " could not be sent"));
    }

    @EventHandler
    void on(PaymentConfirmedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        changed(PaymentChange.confirmed(event, sequence, at), event,
                "settled on " + event.evidence() + (event.receipt() == null ? "" : ", receipt " + event.receipt()));
    }

    @EventHandler
    void on(PaymentSettledEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        changed(PaymentChange.of(event, sequence, at), event, "settled");
    }

    @EventHandler
    void on(PaymentFailedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        changed(PaymentChange.failed(event, sequence, at), event, "failed on " + event.evidence()
                + (event.resultCode() == null ? "" : " (" + event.resultCode() + ")") + ": " + event.reason());
    }

    @EventHandler
    void on(PaymentRejectedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        changed(PaymentChange.rejected(event, sequence, at), event, event.reason());
    }

    @EventHandler
    void on(PaymentReviewRequiredEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        changed(PaymentChange.of(event, sequence, at), event, event.reason());
    }

    /** Four eyes: the proposal waits on the payment (still MANUAL_REVIEW) until another principal decides it. */
    @EventHandler
    void on(PaymentResolutionProposedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        timeline(event, sequence, at, event.proposedBy() + " proposes " + PendingResolution.outcomeOf(event.paid())
                + (event.walletId() == null ? "" : " to wallet " + event.walletId()) + ": " + event.reason());
        batch().proposals.add(ProposalChange.proposed(event, sequence, at));
    }

    @EventHandler
    void on(PaymentResolutionApprovedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        timeline(event, sequence, at, event.approvedBy()
                + " approved the proposal of " + event.proposedBy() + (event.reason() == null ? "" : ": " + event.reason()));
        batch().proposals.add(ProposalChange.decided(event.paymentId(), sequence));
    }

    @EventHandler
    void on(PaymentResolutionRejectedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        timeline(event, sequence, at, event.rejectedBy()
                + " rejected the proposal of " + event.proposedBy() + ": " + event.reason());
        batch().proposals.add(ProposalChange.decided(event.paymentId(), sequence));
    }

    @EventHandler
    void on(PaymentReviewResolvedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        timeline(event, sequence, at, "resolved as "
                + PendingResolution.outcomeOf(event.paid()) + " on the proposal of operator " + event.operator() + ": "
                + event.reason());
        if (event.walletId() != null) {
            batch().wallets.put(event.paymentId(), event.walletId());
        }
    }

    @EventHandler
    void on(ProviderResultIgnoredEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        timeline(event, sequence, at, event.result().evidence() + " "
                + event.result().outcome() + " (" + event.result().resultCode() + ") ignored: " + event.reason());
    }

    // ---- incidents (their own view is IncidentProjection's; the payment's status stays as it was) -------------

    @EventHandler
    void on(PaymentContradictedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        ProviderResult evidence = event.evidence();
        timeline(event, sequence, at, evidence.evidence() + " " + evidence.outcome() + " (" + evidence.resultCode() + ")"
                + (evidence.receipt() == null ? "" : ", receipt " + evidence.receipt()) + " contradicts "
                + event.status() + ": " + event.kind() + ", incident " + event.incidentId());
    }

    @EventHandler
    void on(IncidentCorrectionProposedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        timeline(event, sequence, at, event.proposedBy() + " proposes " + describe(event.correction())
                + " for incident " + event.incidentId() + ": " + event.reason());
    }

    @EventHandler
    void on(IncidentCorrectionRejectedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        timeline(event, sequence, at, event.rejectedBy() + " rejected the correction of " + event.proposedBy()
                + " for incident " + event.incidentId() + ": " + event.reason());
    }

    @EventHandler
    void on(IncidentResolvedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        timeline(event, sequence, at, event.approvedBy() + " approved " + describe(event.correction())
                + " proposed by " + event.proposedBy() + "; incident " + event.incidentId() + " resolved"
                + (event.note() == null ? "" : ": " + event.note()));
    }

    private static String describe(Correction correction) {
        return correction.action().movesMoney() ? correction.action() + " " + correction.amount() : "no correction";
    }

    // ---- writes -----------------------------------------------------------------------------------------------

    private void created(NewPayment payment, String detail) {
        Batch batch = batch();
        batch.created.add(payment);
        batch.updates.add(payment.statusUpdate());
        batch.timeline.add(PaymentTimelineRow.requested(payment, detail));
    }

    private void changed(PaymentChange change, PaymentEvent event, String detail) {
        timeline(event, change.version(), change.at(), detail);
        Batch batch = batch();
        batch.changes.add(change);
        batch.updates.add(change.statusUpdate());
    }

    private void timeline(PaymentEvent event, long sequence, Instant at, String detail) {
        batch().timeline.add(PaymentTimelineRow.of(event, sequence, at, detail));
    }

    private Batch batch() {
        return ProjectionBatch.current(PaymentProjection.class.getName(), Batch::new, this::flush, this::publish);
    }

    private static final class Batch {
        final List<NewPayment> created = new ArrayList<>();
        final List<PaymentChange> changes = new ArrayList<>();
        /** The last wallet each payment was resolved into. */
        final Map<UUID, UUID> wallets = new LinkedHashMap<>();
        final List<ProposalChange> proposals = new ArrayList<>();
        final List<PaymentTimelineRow> timeline = new ArrayList<>();
        final List<PaymentStatusUpdate> updates = new ArrayList<>();
    }

    private void publish(Batch batch) {
        statusUpdates.emit(FindPaymentStatusQuery.class, FindPaymentStatusQuery::paymentId, batch.updates,
                PaymentStatusUpdate::paymentId);
    }

    /** Creations first, then changes in event order: a payment's request and outcome often share a batch. */
    private void flush(Batch batch) {
        payments.insert(batch.created);
        payments.apply(batch.changes);
        payments.assignWallets(batch.wallets);
        payments.applyProposals(batch.proposals);
        timeline.insert(batch.timeline);
    }

    /** A replay rebuilds the views from the first event, so it starts from empty ones. */
    @ResetHandler
    void reset() {
        payments.clear();
        timeline.clear();
    }
}
