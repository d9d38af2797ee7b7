package com.mizani.outbound.event;

import com.mizani.kernel.adjustment.AdjustmentApprovedEvent;
import com.mizani.kernel.adjustment.AdjustmentFailedEvent;
import com.mizani.kernel.adjustment.AdjustmentProposedEvent;
import com.mizani.kernel.adjustment.AdjustmentRejectedEvent;
import com.mizani.kernel.fx.FxQuoteExpiredEvent;
import com.mizani.kernel.fx.FxQuoteIssuedEvent;
import com.mizani.kernel.fx.FxQuoteUsedEvent;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.C2bPaymentReceivedEvent;
import com.mizani.kernel.payment.DepositRequestedEvent;
import com.mizani.kernel.payment.MobileDepositRequestedEvent;
import com.mizani.kernel.payment.PaymentAmbiguousEvent;
import com.mizani.kernel.payment.PaymentConfirmedEvent;
import com.mizani.kernel.payment.PaymentFailedEvent;
import com.mizani.kernel.payment.PaymentRejectedEvent;
import com.mizani.kernel.payment.PaymentReviewRequiredEvent;
import com.mizani.kernel.payment.PaymentReviewResolvedEvent;
import com.mizani.kernel.payment.PaymentSettledEvent;
import com.mizani.kernel.payment.PaymentSubmittedEvent;
import com.mizani.kernel.payment.WithdrawalReservedEvent;
import com.mizani.kernel.payroll.PayrollBatchPaidEvent;
import com.mizani.kernel.payroll.PayrollItemResult;
import com.mizani.kernel.payroll.PayrollItemStatus;
import com.mizani.kernel.payroll.PayrollJobApprovedEvent;
import com.mizani.kernel.payroll.PayrollJobCancelledEvent;
import com.mizani.kernel.payroll.PayrollJobCompletedEvent;
import com.mizani.kernel.payroll.PayrollJobCreatedEvent;
import com.mizani.kernel.payroll.PayrollJobRejectedEvent;
import com.mizani.kernel.payroll.PayrollPayoutFinishedEvent;
import com.mizani.kernel.transfer.TransferCompletedEvent;
import com.mizani.kernel.transfer.TransferFailedEvent;
import com.mizani.kernel.transfer.TransferRejectedEvent;
import com.mizani.kernel.transfer.TransferRequestedEvent;
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
import com.mizani.kernel.webhook.WebhookEndpointDisabledEvent;
import com.mizani.query.audit.PiiMasking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.mizani.outbound.event.PublicEventType.*;

/**
 * Maps the store's events to the public ones (docs/events.md). Events not named here are internal (provider
 * conversations, status queries, incidents) and are not published. Field by field, never the internal record
 * itself, so that a change inside Mizani cannot change what others receive.
 */
public final class PublicEvents {

    private PublicEvents() {
    }

    /** The public events one stored event makes: none for an internal event, several for a payroll batch's failures. */
    public static List<PublicEvent> of(Object payload, String eventId, Instant createdAt, long position) {
        return switch (payload) {
            case WalletOpenedEvent e -> one(eventId, createdAt, position, WALLET_OPENED, data()
                    .id("walletId", e.walletId()).id("ownerId", e.ownerId()).put("currency", e.currency().name()));
            case WalletCreditedEvent e -> one(eventId, createdAt, position, WALLET_CREDITED,
                    posting(e.walletId(), e.transactionId(), e.amount(), e.kind().name(), e.contraAccount(),
                            e.availableAfterMinor(), e.heldAfterMinor(), e.fx() == null ? null : e.fx().quoteId(),
                            e.fx() == null ? null : e.fx().rate()));
            case WalletDebitedEvent e -> one(eventId, createdAt, position, WALLET_DEBITED,
                    posting(e.walletId(), e.transactionId(), e.amount(), e.kind().name(), e.contraAccount(),
                            e.availableAfterMinor(), e.heldAfterMinor(), e.fx() == null ? null : e.fx().quoteId(),
                            e.fx() == null ? null : e.fx().rate()));
            case FundsReservedEvent e -> one(eventId, createdAt, position, WALLET_FUNDS_RESERVED, data()
                    .id("walletId", e.walletId()).id("reservationId", e.reservationId()).money(e.amount())
                    .balances(e.availableAfterMinor(), e.heldAfterMinor(), e.amount()));
            case ReservationReleasedEvent e -> one(eventId, createdAt, position, WALLET_RESERVATION_RELEASED, data()
                    .id("walletId", e.walletId()).id("reservationId", e.reservationId()).money(e.amount())
                    .balances(e.availableAfterMinor(), e.heldAfterMinor(), e.amount())
                    .put("remaining", Money.format(0, e.amount().currency())));
            case ReservedPartReleasedEvent e -> one(eventId, createdAt, position, WALLET_RESERVATION_RELEASED, data()
                    .id("walletId", e.walletId()).id("reservationId", e.reservationId()).money(e.amount())
                    .balances(e.availableAfterMinor(), e.heldAfterMinor(), e.amount())
                    .put("remaining", Money.format(e.remainingMinor(), e.amount().currency())));
            case ReservationCapturedEvent e -> one(eventId, createdAt, position, WALLET_RESERVATION_CAPTURED, data()
                    .id("walletId", e.walletId()).id("reservationId", e.reservationId()));
            case WalletFrozenEvent e -> one(eventId, createdAt, position, WALLET_FROZEN, data().id("walletId", e.walletId()));
            case WalletUnfrozenEvent e -> one(eventId, createdAt, position, WALLET_UNFROZEN, data().id("walletId", e.walletId()));
            case WalletClosedEvent e -> one(eventId, createdAt, position, WALLET_CLOSED, data().id("walletId", e.walletId()));

            case TransferRequestedEvent e -> one(eventId, createdAt, position, TRANSFER_REQUESTED, data()
                    .id("transferId", e.transferId()).id("sourceWalletId", e.sourceWalletId())
                    .id("destinationWalletId", e.destinationWalletId()).money(e.amount())
                    .id("fxQuoteId", e.fxQuoteId()));
            case TransferCompletedEvent e -> one(eventId, createdAt, position, TRANSFER_COMPLETED,
                    data().id("transferId", e.transferId()));
            case TransferFailedEvent e -> one(eventId, createdAt, position, TRANSFER_FAILED, data()
                    .id("transferId", e.transferId()).put("code", e.code().name()).reason(e.reason()));
            case TransferRejectedEvent e -> one(eventId, createdAt, position, TRANSFER_REJECTED, data()
                    .id("transferId", e.transferId()).put("code", e.code().name()).reason(e.reason()));

            case DepositRequestedEvent e -> one(eventId, createdAt, position, PAYMENT_DEPOSIT_REQUESTED, data()
                    .id("paymentId", e.paymentId()).id("walletId", e.walletId()).money(e.amount())
                    .put("method", e.method().name()));
            case MobileDepositRequestedEvent e -> one(eventId, createdAt, position, PAYMENT_DEPOSIT_REQUESTED, data()
                    .id("paymentId", e.paymentId()).id("walletId", e.walletId()).money(e.amount())
                    .put("method", "MPESA_STK").put("msisdn", e.msisdn().masked()));
            case C2bPaymentReceivedEvent e -> one(eventId, createdAt, position, PAYMENT_C2B_RECEIVED, data()
                    .id("paymentId", e.paymentId()).put("receipt", e.transId()).id("walletId", e.walletId())
                    .money(e.amount()).put("payer", PiiMasking.field("payer", e.payer())));
            case WithdrawalReservedEvent e -> one(eventId, createdAt, position, PAYMENT_RESERVED, data()
                    .id("paymentId", e.paymentId()).id("walletId", e.walletId()).money(e.amount())
                    .put("fee", e.fee().toDecimalString()).put("msisdn", e.msisdn().masked())
                    .id("payrollJobId", e.payrollItem() == null ? null : e.payrollItem().jobId()));
            case PaymentSubmittedEvent e -> one(eventId, createdAt, position, PAYMENT_SUBMITTED, data()
                    .id("paymentId", e.paymentId()).put("providerReference", e.providerReference()));
            case PaymentAmbiguousEvent e -> one(eventId, createdAt, position, PAYMENT_AMBIGUOUS, data()
                    .id("paymentId", e.paymentId()).reason(e.reason()));
            case PaymentConfirmedEvent e -> one(eventId, createdAt, position, PAYMENT_CONFIRMED, data()
                    .id("paymentId", e.paymentId()).put("receipt", e.receipt()));
            case PaymentSettledEvent e -> one(eventId, createdAt, position, PAYMENT_SETTLED,
                    data().id("paymentId", e.paymentId()));
            case PaymentFailedEvent e -> one(eventId, createdAt, position, PAYMENT_FAILED, data()
                    .id("paymentId", e.paymentId()).put("resultCode", e.resultCode()).reason(e.reason()));
            case PaymentRejectedEvent e -> one(eventId, createdAt, position, PAYMENT_REJECTED, data()
                    .id("paymentId", e.paymentId()).put("code", e.code().name()).reason(e.reason()));
            case PaymentReviewRequiredEvent e -> one(eventId, createdAt, position, PAYMENT_REVIEW_REQUIRED, data()
                    .id("paymentId", e.paymentId()).reason(e.reason()));
            case PaymentReviewResolvedEvent e -> one(eventId, createdAt, position, PAYMENT_REVIEW_RESOLVED, data()
                    .id("paymentId", e.paymentId()).put("paid", e.paid()).reason(e.reason()));

            case PayrollJobCreatedEvent e -> one(eventId, createdAt, position, PAYROLL_CREATED, data()
                    .id("jobId", e.jobId()).id("sourceWalletId", e.sourceWalletId()).put("name", e.name())
                    .put("totalItems", e.totalItems()).money(e.total()));
            case PayrollJobApprovedEvent e -> one(eventId, createdAt, position, PAYROLL_APPROVED, data()
                    .id("jobId", e.jobId()).put("reserved", e.reserved().toDecimalString())
                    .put("currency", e.reserved().currency().name()));
            case PayrollJobRejectedEvent e -> one(eventId, createdAt, position, PAYROLL_REJECTED, data()
                    .id("jobId", e.jobId()).reason(e.reason()));
            case PayrollJobCancelledEvent e -> one(eventId, createdAt, position, PAYROLL_CANCELLED, data()
                    .id("jobId", e.jobId()).put("checkpoint", e.checkpoint())
                    .put("released", e.released().toDecimalString()).put("currency", e.released().currency().name()));
            case PayrollJobCompletedEvent e -> one(eventId, createdAt, position, PAYROLL_COMPLETED, data()
                    .id("jobId", e.jobId()).put("status", e.status().name()).put("succeededItems", e.succeededItems())
                    .put("failedItems", e.failedItems()).put("released", e.released().toDecimalString())
                    .put("currency", e.released().currency().name()));
            case PayrollBatchPaidEvent e -> failedItems(e, eventId, createdAt, position);
            case PayrollPayoutFinishedEvent e when e.status() == PayrollItemStatus.FAILED ->
                    one(eventId, createdAt, position, PAYROLL_ITEM_FAILED, data().id("jobId", e.jobId())
                            .put("index", e.index()).id("paymentId", e.paymentId())
                            .put("code", e.failureCode() == null ? null : e.failureCode().name())
                            .put("providerResultCode", e.providerResultCode()).reason(e.reason()));

            case FxQuoteIssuedEvent e -> one(eventId, createdAt, position, FX_QUOTE_ISSUED, data()
                    .id("quoteId", e.quoteId()).put("fromAmount", e.terms().source().toDecimalString())
                    .put("fromCurrency", e.terms().source().currency().name())
                    .put("toAmount", e.terms().destination().toDecimalString())
                    .put("toCurrency", e.terms().destination().currency().name())
                    .put("fee", e.terms().fee().toDecimalString()).put("rate", e.terms().rate())
                    .put("expiresAt", e.expiresAt().toString()));
            case FxQuoteUsedEvent e -> one(eventId, createdAt, position, FX_QUOTE_USED, data()
                    .id("quoteId", e.quoteId()).id("transferId", e.transferId()));
            case FxQuoteExpiredEvent e -> one(eventId, createdAt, position, FX_QUOTE_EXPIRED,
                    data().id("quoteId", e.quoteId()));

            case AdjustmentProposedEvent e -> one(eventId, createdAt, position, ADJUSTMENT_PROPOSED, data()
                    .id("adjustmentId", e.adjustmentId()).id("walletId", e.walletId()).money(e.amount())
                    .put("direction", e.direction().name()).reason(e.reason()));
            case AdjustmentApprovedEvent e -> one(eventId, createdAt, position, ADJUSTMENT_APPROVED, data()
                    .id("adjustmentId", e.adjustmentId()).id("walletId", e.walletId()).money(e.amount())
                    .put("direction", e.direction().name()).reason(e.reason()));
            case AdjustmentRejectedEvent e -> one(eventId, createdAt, position, ADJUSTMENT_REJECTED, data()
                    .id("adjustmentId", e.adjustmentId()).reason(e.reason()));
            case AdjustmentFailedEvent e -> one(eventId, createdAt, position, ADJUSTMENT_FAILED, data()
                    .id("adjustmentId", e.adjustmentId()).id("walletId", e.walletId()).put("code", e.code().name())
                    .reason(e.reason()));

            case WebhookEndpointDisabledEvent e -> one(eventId, createdAt, position, WEBHOOK_ENDPOINT_DISABLED, data()
                    .id("endpointId", e.endpointId()).reason(e.reason())
                    .put("failingSince", e.failingSince() == null ? null : e.failingSince().toString()));
            default -> List.of();
        };
    }

    /** The principal a {@link PublicEventType#ownerOnly()} event is for; null for the others. */
    public static String ownerOf(Object payload) {
        return payload instanceof WebhookEndpointDisabledEvent disabled ? disabled.owner() : null;
    }

    /** A test ping for one endpoint: not an event of the store, so it has no position. */
    public static PublicEvent ping(UUID pingId, UUID endpointId, Instant at) {
        return new PublicEvent(pingId.toString(), WEBHOOK_PING.wireName(), at, null,
                data().id("endpointId", endpointId).put("message", "a test message from Mizani").map);
    }

    private static List<PublicEvent> failedItems(PayrollBatchPaidEvent batch, String eventId, Instant createdAt,
                                                 long position) {
        List<PublicEvent> failed = new ArrayList<>();
        for (PayrollItemResult item : batch.results()) {
            if (item.status() == PayrollItemStatus.FAILED) {
                failed.add(new PublicEvent(eventId + ":" + item.index(), PAYROLL_ITEM_FAILED.wireName(), createdAt,
                        position, data().id("jobId", batch.jobId()).put("index", item.index())
                        .id("transferId", item.transferId()).id("paymentId", item.paymentId())
                        .put("code", item.failureCode() == null ? null : item.failureCode().name()).map));
            }
        }
        return failed;
    }

    private static Data posting(UUID walletId, UUID transactionId, Money amount, String kind, String contraAccount,
                                long availableAfterMinor, long heldAfterMinor, UUID fxQuoteId, String fxRate) {
        return data().id("walletId", walletId).id("transactionId", transactionId).money(amount)
                .put("kind", kind).put("contraAccount", contraAccount)
                .balances(availableAfterMinor, heldAfterMinor, amount).id("fxQuoteId", fxQuoteId).put("fxRate", fxRate);
    }

    private static List<PublicEvent> one(String eventId, Instant createdAt, long position, PublicEventType type,
                                         Data data) {
        return List.of(new PublicEvent(eventId, type.wireName(), createdAt, position, data.map));
    }

    private static Data data() {
        return new Data();
    }

    /** An event's data in the order its fields are documented; absent values are left out, not sent as null. */
    private static final class Data {
        final Map<String, Object> map = new LinkedHashMap<>();

        Data put(String field, Object value) {
            if (value != null) {
                map.put(field, value);
            }
            return this;
        }

        Data id(String field, UUID id) {
            return put(field, id == null ? null : id.toString());
        }

        Data money(Money amount) {
            return put("amount", amount.toDecimalString()).put("currency", amount.currency().name());
        }

        Data balances(long availableAfterMinor, long heldAfterMinor, Money of) {
            return put("availableAfter", Money.format(availableAfterMinor, of.currency()))
                    .put("heldAfter", Money.format(heldAfterMinor, of.currency()));
        }

        /** Free text may quote a phone number (a provider's result description does): masked. */
        Data reason(String reason) {
            return put("reason", reason == null ? null : PiiMasking.phoneNumbersIn(reason));
        }
    }
}
