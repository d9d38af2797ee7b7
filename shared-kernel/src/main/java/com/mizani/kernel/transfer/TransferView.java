package com.mizani.kernel.transfer;

import com.mizani.kernel.error.ErrorCode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A transfer as the API shows it. {@code failureCode} and {@code failureReason} are set when it did not complete,
 * {@code fxQuoteId} when it was asked to convert on a quote, and {@code fx} once it did.
 */
public record TransferView(UUID transferId, UUID sourceWalletId, UUID destinationWalletId, String amount,
                           String currency, TransferStatus status, ErrorCode failureCode, String failureReason,
                           Instant requestedAt, Instant finishedAt, UUID fxQuoteId, TransferFx fx) {

    public TransferView(UUID transferId, UUID sourceWalletId, UUID destinationWalletId, String amount, String currency,
                        TransferStatus status, ErrorCode failureCode, String failureReason, Instant requestedAt,
                        Instant finishedAt) {
        this(transferId, sourceWalletId, destinationWalletId, amount, currency, status, failureCode, failureReason,
                requestedAt, finishedAt, null, null);
    }

    /** Times are shown to the millisecond, the precision the event store keeps, so a repeat answers identically. */
    public TransferView {
        requestedAt = requestedAt == null ? null : requestedAt.truncatedTo(ChronoUnit.MILLIS);
        finishedAt = finishedAt == null ? null : finishedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    public static TransferView of(TransferOutcome outcome) {
        return new TransferView(outcome.transferId(), outcome.sourceWalletId(), outcome.destinationWalletId(),
                outcome.amount().toDecimalString(), outcome.amount().currency().name(), outcome.status(),
                outcome.failureCode(), outcome.failureReason(), outcome.requestedAt(), outcome.finishedAt(),
                outcome.fxQuoteId(), outcome.fx() == null ? null : TransferFx.of(outcome.fxQuoteId(), outcome.fx()));
    }
}
