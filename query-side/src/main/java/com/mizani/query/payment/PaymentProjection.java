package com.mizani.query.payment;

import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.C2bPaymentReceivedEvent;
import com.mizani.kernel.payment.DepositRequestedEvent;
import com.mizani.kernel.payment.FindPaymentStatusQuery;
import com.mizani.kernel.payment.MobileDepositAcceptedEvent;
import com.mizani.kernel.payment.MobileDepositRequestedEvent;
import com.mizani.kernel.payment.PaymentAmbiguousEvent;
import com.mizani.kernel.payment.PaymentConfirmedEvent;
import com.mizani.kernel.payment.PaymentEvent;
import com.mizani.kernel.payment.PaymentFailedEvent;
import com.mizani.kernel.payment.PaymentKind;
import com.mizani.kernel.payment.PaymentMethod;
import com.mizani.kernel.payment.PaymentRejectedEvent;
import com.mizani.kernel.payment.PaymentResolutionApprovedEvent;
import com.mizani.kernel.payment.PaymentResolutionProposedEvent;
import com.mizani.kernel.payment.PaymentResolutionRejectedEvent;
import com.mizani.kernel.payment.PaymentReviewRequiredEvent;
import com.mizani.kernel.payment.PaymentReviewResolvedEvent;
import com.mizani.kernel.payment.PaymentSettledEvent;
import com.mizani.kernel.payment.PaymentStatus;
import com.mizani.kernel.payment.PaymentStatusQueriedEvent;
import com.mizani.kernel.payment.PaymentStatusUpdate;
import com.mizani.kernel.payment.PaymentSubmittedEvent;
import com.mizani.kernel.payment.PendingResolution;
import com.mizani.kernel.payment.ProviderResultIgnoredEvent;
import com.mizani.kernel.payment.WithdrawalRequestedEvent;
import com.mizani.kernel.payment.WithdrawalReservedEvent;
import com.mizani.query.live.StatusUpdates;
import com.mizani.query.support.ProjectionBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.mizani.query.support.SqlTimes.utc;

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
    /** The timeline names the four ways a payment is created by one entry: the payment was requested. */
    static final String REQUESTED_ENTRY = "PaymentRequested";

    private final JdbcTemplate jdbc;
    private final StatusUpdates statusUpdates;

    public PaymentProjection(JdbcTemplate jdbc, StatusUpdates statusUpdates) {
        this.jdbc = jdbc;
        this.statusUpdates = statusUpdates;
    }

    // ---- creation ---------------------------------------------------------------------------------------------

    @EventHandler
    void on(DepositRequestedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        created(event.paymentId(), PaymentKind.DEPOSIT, event.method(), event.walletId(), event.amount(), null, null,
                sequence, at, "deposit requested");
    }

    @EventHandler
    void on(WithdrawalRequestedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        created(event.paymentId(), PaymentKind.WITHDRAWAL, PaymentMethod.MPESA_B2C, event.walletId(), event.amount(),
                event.fee(), event.msisdn().masked(), sequence, at, "payout to " + event.msisdn().masked() + " requested");
    }

    @EventHandler
    void on(MobileDepositRequestedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        created(event.paymentId(), PaymentKind.DEPOSIT, PaymentMethod.MPESA_STK, event.walletId(), event.amount(), null,
                event.msisdn().masked(), sequence, at, "STK push deposit from " + event.msisdn().masked() + " requested");
    }

    @EventHandler
    void on(C2bPaymentReceivedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        created(event.paymentId(), PaymentKind.DEPOSIT, PaymentMethod.MPESA_C2B, event.walletId(), event.amount(), null,
                null, sequence, at, "pay bill payment " + event.transId() + " for reference '" + event.billReference() + "'");
        // Written apart from the sequence-guarded changes: it belongs to the creating event itself.
        batch().references.add(new Object[]{event.transId(), event.paymentId()});
    }

    // ---- lifecycle --------------------------------------------------------------------------------------------

    @EventHandler
    void on(WithdrawalReservedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        moved(event, sequence, at, event.amount().plus(event.fee()) + " held on the wallet");
    }

    @EventHandler
    void on(MobileDepositAcceptedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        timeline(event, sequence, at, "the wallet will take the deposit; push to be sent");
    }

    @EventHandler
    void on(PaymentSubmittedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        timeline(event, sequence, at, "provider acknowledged as " + event.providerReference());
        changed(event, event.providerReference(), null, null, null, sequence, at);
    }

    @EventHandler
    void on(PaymentAmbiguousEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        moved(event, sequence, at, event.reason());
    }

    @EventHandler
    void on(PaymentStatusQueriedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        timeline(event, sequence, at, "status query #" + event.attempt() + (event.sent() ? " sent" : " could not be sent"));
    }

    @EventHandler
    void on(PaymentConfirmedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        timeline(event, sequence, at, "settled on " + event.evidence() + (event.receipt() == null ? "" : ", receipt " + event.receipt()));
        changed(event, null, event.receipt(), null, null, sequence, at);
    }

    @EventHandler
    void on(PaymentSettledEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        moved(event, sequence, at, "settled");
    }

    @EventHandler
    void on(PaymentFailedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        String detail = "failed on " + event.evidence() + (event.resultCode() == null ? "" : " (" + event.resultCode() + ")")
                + ": " + event.reason();
        timeline(event, sequence, at, detail);
        changed(event, null, null, event.resultCode(), event.reason(), sequence, at);
    }

    @EventHandler
    void on(PaymentRejectedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        timeline(event, sequence, at, event.reason());
        changed(event, null, null, event.code().name(),
                event.reason(), sequence, at);
    }

    @EventHandler
    void on(PaymentReviewRequiredEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        moved(event, sequence, at, event.reason());
    }

    /** Four eyes: the proposal waits on the payment (still MANUAL_REVIEW) until another principal decides it. */
    @EventHandler
    void on(PaymentResolutionProposedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        String outcome = PendingResolution.outcomeOf(event.paid());
        timeline(event, sequence, at, event.proposedBy() + " proposes "
                + outcome + (event.walletId() == null ? "" : " to wallet " + event.walletId()) + ": " + event.reason());
        batch().proposals.add(new Object[]{event.proposalId(), outcome, event.reason(), event.walletId(),
                event.proposedBy(), utc(at), sequence, event.paymentId(), sequence});
    }

    @EventHandler
    void on(PaymentResolutionApprovedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        timeline(event, sequence, at, event.approvedBy()
                + " approved the proposal of " + event.proposedBy() + (event.reason() == null ? "" : ": " + event.reason()));
        proposalDecided(event.paymentId(), sequence);
    }

    @EventHandler
    void on(PaymentResolutionRejectedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        timeline(event, sequence, at, event.rejectedBy()
                + " rejected the proposal of " + event.proposedBy() + ": " + event.reason());
        proposalDecided(event.paymentId(), sequence);
    }

    private void proposalDecided(UUID paymentId, long sequence) {
        batch().proposals.add(new Object[]{null, null, null, null, null, null, sequence, paymentId, sequence});
    }

    @EventHandler
    void on(PaymentReviewResolvedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        timeline(event, sequence, at, "resolved as "
                + PendingResolution.outcomeOf(event.paid()) + " on the proposal of operator " + event.operator() + ": "
                + event.reason());
        if (event.walletId() != null) {
            batch().wallets.add(new Object[]{event.walletId(), event.paymentId()});
        }
    }

    @EventHandler
    void on(ProviderResultIgnoredEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        timeline(event, sequence, at, event.result().evidence() + " "
                + event.result().outcome() + " (" + event.result().resultCode() + ") ignored: " + event.reason());
    }

    // ---- writes -----------------------------------------------------------------------------------------------

    private void created(UUID paymentId, PaymentKind kind, PaymentMethod method, UUID walletId, Money amount, Money fee,
                         String msisdnMasked, long sequence, Instant at, String detail) {
        batch().created.add(new Object[]{paymentId, kind.name(), method.name(), walletId, amount.amountMinor(),
                fee == null ? 0 : fee.amountMinor(), amount.currency().name(), msisdnMasked,
                PaymentStatus.REQUESTED.name(), utc(at), utc(at), sequence});
        batch().updates.add(new PaymentStatusUpdate(paymentId, PaymentStatus.REQUESTED, at, null, null, null, null, sequence));
        timeline(paymentId, sequence, at, REQUESTED_ENTRY, PaymentStatus.REQUESTED, detail);
    }

    private void moved(PaymentEvent event, long sequence, Instant at, String detail) {
        timeline(event, sequence, at, detail);
        changed(event, null, null, null, null, sequence, at);
    }

    private void timeline(PaymentEvent event, long sequence, Instant at, String detail) {
        timeline(event.paymentId(), sequence, at, PaymentEvent.nameOf(event),
                PaymentEvent.statusAfter(event).orElse(null), detail);
    }

    private void timeline(UUID paymentId, long sequence, Instant at, String event, PaymentStatus status, String detail) {
        batch().timeline.add(new Object[]{paymentId, sequence, utc(at), event, status == null ? null : status.name(),
                truncate(detail)});
    }

    private void changed(PaymentEvent event, String providerReference, String receipt, String failureCode,
                         String failureReason, long sequence, Instant at) {
        PaymentStatus status = PaymentEvent.statusAfter(event).orElseThrow(
                () -> new IllegalArgumentException(PaymentEvent.nameOf(event) + " leaves the status as it was"));
        changed(event.paymentId(), status, providerReference, receipt, failureCode, failureReason, sequence, at);
    }

    private void changed(UUID paymentId, PaymentStatus status, String providerReference, String receipt,
                         String failureCode, String failureReason, long sequence, Instant at) {
        batch().changes.add(new Object[]{status.name(), providerReference, receipt, failureCode,
                truncate(failureReason), utc(at), sequence, paymentId, sequence});
        batch().updates.add(new PaymentStatusUpdate(paymentId, status, at, providerReference, receipt, failureCode,
                truncate(failureReason), sequence));
    }

    private Batch batch() {
        return ProjectionBatch.current(PaymentProjection.class.getName(), Batch::new, this::flush, this::publish);
    }

    private static final class Batch {
        final List<Object[]> created = new ArrayList<>();
        final List<Object[]> changes = new ArrayList<>();
        final List<Object[]> wallets = new ArrayList<>();
        final List<Object[]> proposals = new ArrayList<>();
        final List<Object[]> references = new ArrayList<>();
        final List<Object[]> timeline = new ArrayList<>();
        final List<PaymentStatusUpdate> updates = new ArrayList<>();
    }

    private void publish(Batch batch) {
        statusUpdates.emit(FindPaymentStatusQuery.class, FindPaymentStatusQuery::paymentId, batch.updates,
                PaymentStatusUpdate::paymentId);
    }

    /** Creations first, then changes in event order: a payment's request and outcome often share a batch. */
    private void flush(Batch batch) {
        if (!batch.created.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO payment_view (payment_id, kind, method, wallet_id, amount_minor, fee_minor, currency,
                                              msisdn_masked, status, requested_at, updated_at, version)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (payment_id) DO NOTHING""", batch.created);
        }
        if (!batch.references.isEmpty()) {
            jdbc.batchUpdate("UPDATE payment_view SET provider_reference = ? WHERE payment_id = ?", batch.references);
        }
        if (!batch.changes.isEmpty()) {
            jdbc.batchUpdate("""
                    UPDATE payment_view SET status = COALESCE(?, status),
                                            provider_reference = COALESCE(?, provider_reference),
                                            receipt = COALESCE(?, receipt), failure_code = COALESCE(?, failure_code),
                                            failure_reason = COALESCE(?, failure_reason), updated_at = ?, version = ?
                    WHERE payment_id = ? AND version < ?""", batch.changes);
        }
        if (!batch.wallets.isEmpty()) {
            jdbc.batchUpdate("UPDATE payment_view SET wallet_id = ? WHERE payment_id = ?", batch.wallets);
        }
        if (!batch.proposals.isEmpty()) {
            jdbc.batchUpdate("""
                    UPDATE payment_view SET proposal_id = ?, proposed_outcome = ?, proposed_reason = ?,
                                            proposed_wallet_id = ?, proposed_by = ?, proposed_at = ?, proposal_version = ?
                    WHERE payment_id = ? AND proposal_version < ?""", batch.proposals);
        }
        if (!batch.timeline.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO payment_timeline (payment_id, sequence, occurred_at, event, status, detail)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (payment_id, sequence) DO NOTHING""", batch.timeline);
        }
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 512 ? text : text.substring(0, 512);
    }

    /** A replay rebuilds the views from the first event, so it starts from empty ones. */
    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE payment_view, payment_timeline");
    }
}
