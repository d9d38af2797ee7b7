package com.mizani.query.audit;

import com.mizani.kernel.adjustment.AdjustmentApprovedEvent;
import com.mizani.kernel.adjustment.AdjustmentFailedEvent;
import com.mizani.kernel.adjustment.AdjustmentProposedEvent;
import com.mizani.kernel.adjustment.AdjustmentRejectedEvent;
import com.mizani.kernel.adjustment.AdjustmentStatus;
import com.mizani.kernel.payment.PaymentEvent;
import com.mizani.kernel.payment.ProviderCallbackRefusedEvent;
import com.mizani.kernel.fx.FxQuoteUsedEvent;
import com.mizani.kernel.transfer.TransferCompletedEvent;
import com.mizani.kernel.transfer.TransferConvertedEvent;
import com.mizani.kernel.transfer.TransferFailedEvent;
import com.mizani.kernel.transfer.TransferRejectedEvent;
import com.mizani.kernel.transfer.TransferRequestedEvent;
import com.mizani.kernel.transfer.TransferStatus;
import com.mizani.kernel.wallet.FundsReservedEvent;
import com.mizani.kernel.wallet.ReservationCapturedEvent;
import com.mizani.kernel.wallet.ReservationReleasedEvent;
import com.mizani.kernel.wallet.ReservedPartReleasedEvent;
import com.mizani.kernel.wallet.WalletClosedEvent;
import com.mizani.kernel.wallet.WalletCreditedEvent;
import com.mizani.kernel.wallet.WalletDebitedEvent;
import com.mizani.kernel.wallet.WalletFrozenEvent;
import com.mizani.kernel.wallet.WalletOpenedEvent;
import com.mizani.kernel.wallet.WalletUnfrozenEvent;
import com.mizani.query.support.ProjectionBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * The MongoDB audit views: each transfer's, payment's and adjustment's whole lifecycle in one document, every wallet event, and
 * every refused provider callback, each entry with its actor, correlation and causation. One segment, so entries
 * land in the global order; its own processing group, so a MongoDB outage stops only this view, which then catches
 * up from its token. Writes are collected per batch ({@link ProjectionBatch}) and written by {@link AuditWriter}.
 */
@Component
@ProcessingGroup(AuditProjection.PROCESSING_GROUP)
public class AuditProjection {

    public static final String PROCESSING_GROUP = "audit";

    private final AuditWriter writer;

    public AuditProjection(AuditWriter writer) {
        this.writer = writer;
    }

    /** Every event: the audit trail decides by type where an event belongs, and keeps any event it knows nothing of out. */
    @EventHandler
    void on(Object payload, EventMessage<?> event, TrackingToken token) {
        AuditEntry entry = AuditEntry.of(event, token.position().orElseThrow(
                () -> new IllegalStateException("audit events must come from a stream with positions")));
        AuditBatch batch = batch();
        switch (payload) {
            case TransferRequestedEvent e -> batch.transfers.own(e.transferId(), entry, TransferStatus.REQUESTED);
            case TransferCompletedEvent e -> batch.transfers.own(e.transferId(), entry, TransferStatus.COMPLETED);
            case TransferRejectedEvent e -> batch.transfers.own(e.transferId(), entry, TransferStatus.REJECTED);
            case TransferFailedEvent e -> batch.transfers.own(e.transferId(), entry, TransferStatus.FAILED);
            // A conversion's price (rate, issued at) is the transfer's own event; the quote's use, by whom, joins it.
            case TransferConvertedEvent e -> batch.transfers.own(e.transferId(), entry, null);
            case FxQuoteUsedEvent e -> batch.transfers.leg(e.transferId(), entry);

            case PaymentEvent e -> batch.payments.own(e.paymentId(), entry, PaymentEvent.statusAfter(e).orElse(null));
            case AdjustmentProposedEvent e -> batch.adjustments.own(e.adjustmentId(), entry, AdjustmentStatus.PENDING_APPROVAL);
            case AdjustmentApprovedEvent e -> batch.adjustments.own(e.adjustmentId(), entry, AdjustmentStatus.APPROVED);
            case AdjustmentRejectedEvent e -> batch.adjustments.own(e.adjustmentId(), entry, AdjustmentStatus.REJECTED);
            case AdjustmentFailedEvent e -> batch.adjustments.own(e.adjustmentId(), entry, AdjustmentStatus.FAILED);

            case ProviderCallbackRefusedEvent ignored -> batch.refusedCallbacks.add(entry.toDocument().append("_id", entry.eventId()));

            case WalletDebitedEvent e -> walletLeg(batch, e.walletId(), e.transactionId(), entry, event);
            case WalletCreditedEvent e -> walletLeg(batch, e.walletId(), e.transactionId(), entry, event);
            case FundsReservedEvent e -> walletLeg(batch, e.walletId(), e.reservationId(), entry, event);
            case ReservationReleasedEvent e -> walletLeg(batch, e.walletId(), e.reservationId(), entry, event);
            case ReservedPartReleasedEvent e -> walletLeg(batch, e.walletId(), e.reservationId(), entry, event);
            case ReservationCapturedEvent e -> walletLeg(batch, e.walletId(), e.reservationId(), entry, event);
            case WalletOpenedEvent e -> wallet(batch, e.walletId(), entry, event);
            case WalletFrozenEvent e -> wallet(batch, e.walletId(), entry, event);
            case WalletUnfrozenEvent e -> wallet(batch, e.walletId(), entry, event);
            case WalletClosedEvent e -> wallet(batch, e.walletId(), entry, event);
            default -> {
                // Not (yet) part of any audit view.
            }
        }
    }

    /**
     * The replay endpoint resets processors by group name and relies on each projection to clear its own storage.
     */
    @ResetHandler
    void reset() {
        writer.clear();
    }

    /**
     * A wallet event that moves or holds money joins the lifecycle its transaction names. Transfer, payment and
     * adjustment ids never collide (each is derived in its own scope), and a leg joins only a document that exists,
     * so it is offered to every kind of lifecycle.
     */
    private static void walletLeg(AuditBatch batch, UUID walletId, UUID transactionId, AuditEntry entry,
                                  EventMessage<?> event) {
        wallet(batch, walletId, entry, event);
        batch.transfers.leg(transactionId, entry);
        batch.payments.leg(transactionId, entry);
        batch.adjustments.leg(transactionId, entry);
    }

    private static void wallet(AuditBatch batch, UUID walletId, AuditEntry entry, EventMessage<?> event) {
        if (!(event instanceof DomainEventMessage<?> walletEvent)) {
            throw new IllegalStateException("wallet event " + event.getIdentifier() + " has no wallet sequence");
        }
        batch.walletEvents.add(entry.toDocument()
                .append("_id", entry.eventId())
                .append("walletId", walletId.toString())
                .append("walletSequence", walletEvent.getSequenceNumber()));
    }

    private AuditBatch batch() {
        return ProjectionBatch.current(AuditProjection.class.getName(), AuditBatch::new, writer::write);
    }
}
