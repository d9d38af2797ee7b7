package com.mizani.outbound.event;

import java.util.Arrays;
import java.util.Optional;

/**
 * The public event types, version 1 (docs/events.md). A type is never renamed and its fields are never removed or
 * changed in meaning; new fields and new types may be added. Each names the resource whose events arrive in order:
 * the data field holding that resource's id, which is also the Kafka key.
 */
public enum PublicEventType {
    WALLET_OPENED("wallet.opened", "walletId", "A wallet was opened."),
    WALLET_CREDITED("wallet.credited", "walletId", "Money came into a wallet: a deposit, the credit of a transfer, a refund or an adjustment."),
    WALLET_DEBITED("wallet.debited", "walletId", "Money left a wallet: the debit of a transfer, a withdrawal's capture or an adjustment."),
    WALLET_FUNDS_RESERVED("wallet.funds_reserved", "walletId", "Money of a wallet was set aside (held) for a payout or a payroll job."),
    WALLET_RESERVATION_RELEASED("wallet.reservation_released", "walletId", "Held money went back to available, all of a reservation or a part."),
    WALLET_RESERVATION_CAPTURED("wallet.reservation_captured", "walletId", "A reservation was spent: the held money left the wallet."),
    WALLET_FROZEN("wallet.frozen", "walletId", "Operations froze a wallet: no money moves out of it."),
    WALLET_UNFROZEN("wallet.unfrozen", "walletId", "A frozen wallet is active again."),
    WALLET_CLOSED("wallet.closed", "walletId", "A wallet was closed (at a zero balance)."),
    TRANSFER_REQUESTED("transfer.requested", "transferId", "A transfer between two wallets was accepted."),
    TRANSFER_COMPLETED("transfer.completed", "transferId", "The transfer's money reached the destination wallet."),
    TRANSFER_FAILED("transfer.failed", "transferId", "The destination refused the money and the source was refunded."),
    TRANSFER_REJECTED("transfer.rejected", "transferId", "The transfer was refused before any money moved (insufficient funds, a frozen wallet, a used quote)."),
    PAYMENT_DEPOSIT_REQUESTED("payment.deposit_requested", "paymentId", "A deposit was asked for: cash, or an M-Pesa STK push to a phone."),
    PAYMENT_C2B_RECEIVED("payment.c2b_received", "paymentId", "The provider reported money sent to the paybill (C2B) for a wallet."),
    PAYMENT_RESERVED("payment.reserved", "paymentId", "A withdrawal's amount and fee are held on its wallet; the payout goes to the provider next."),
    PAYMENT_SUBMITTED("payment.submitted", "paymentId", "The provider accepted the payout request and is working on it."),
    PAYMENT_AMBIGUOUS("payment.ambiguous", "paymentId", "The provider's answer was lost or unclear; Mizani asks the provider until it knows."),
    PAYMENT_CONFIRMED("payment.confirmed", "paymentId", "The provider confirmed the payment with its receipt."),
    PAYMENT_SETTLED("payment.settled", "paymentId", "The payment is final and its money is booked."),
    PAYMENT_FAILED("payment.failed", "paymentId", "The provider refused or failed the payment; held money goes back."),
    PAYMENT_REJECTED("payment.rejected", "paymentId", "Mizani refused the payment before sending it (insufficient funds, a frozen wallet)."),
    PAYMENT_REVIEW_REQUIRED("payment.review_required", "paymentId", "The outcome is still unknown after every status query: operations decide."),
    PAYMENT_REVIEW_RESOLVED("payment.review_resolved", "paymentId", "Operations decided a payment in review: paid or not."),
    PAYROLL_CREATED("payroll.created", "jobId", "A payroll job was created and waits for approval."),
    PAYROLL_APPROVED("payroll.approved", "jobId", "A payroll job was approved and its total reserved; its items are being paid."),
    PAYROLL_REJECTED("payroll.rejected", "jobId", "A payroll job was rejected before anything moved."),
    PAYROLL_CANCELLED("payroll.cancelled", "jobId", "A running payroll job was cancelled; its unspent reservation is released."),
    PAYROLL_ITEM_FAILED("payroll.item_failed", "jobId", "One item of a payroll job could not be paid."),
    PAYROLL_COMPLETED("payroll.completed", "jobId", "Every item of a payroll job has its outcome."),
    FX_QUOTE_ISSUED("fx.quote_issued", "quoteId", "An FX quote was issued with its locked rate."),
    FX_QUOTE_USED("fx.quote_used", "quoteId", "An FX quote was consumed by a transfer."),
    FX_QUOTE_EXPIRED("fx.quote_expired", "quoteId", "An FX quote expired unused."),
    ADJUSTMENT_PROPOSED("adjustment.proposed", "adjustmentId", "Operations proposed a manual adjustment of a wallet."),
    ADJUSTMENT_APPROVED("adjustment.approved", "adjustmentId", "A second person approved an adjustment; its posting follows."),
    ADJUSTMENT_REJECTED("adjustment.rejected", "adjustmentId", "An adjustment was rejected; nothing moved."),
    ADJUSTMENT_FAILED("adjustment.failed", "adjustmentId", "An approved adjustment could not be booked (it would drive the wallet negative)."),
    WEBHOOK_ENDPOINT_DISABLED("webhook.endpoint_disabled", "endpointId", "Mizani disabled one of your endpoints after its attempts failed for too long. Only its owner's endpoints receive it."),
    WEBHOOK_PING("webhook.ping", "endpointId", "A test message, sent when asked for; not an event of the ledger, so its position is null.");

    /** The type a subscription names to receive every type. */
    public static final String ALL = "*";

    private final String wireName;
    private final String resourceField;
    private final String description;

    PublicEventType(String wireName, String resourceField, String description) {
        this.wireName = wireName;
        this.resourceField = resourceField;
        this.description = description;
    }

    public String wireName() {
        return wireName;
    }

    /** The field of {@code data} that names the resource whose events keep their order. */
    public String resourceField() {
        return resourceField;
    }

    public String description() {
        return description;
    }

    /** Only the endpoints of the principal the event concerns receive it (the webhook's own events). */
    public boolean ownerOnly() {
        return wireName.startsWith("webhook.");
    }

    public static Optional<PublicEventType> ofWireName(String wireName) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(wireName)).findFirst();
    }
}
