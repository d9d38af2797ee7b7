package com.mizani.kernel.transfer;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.fx.FxTerms;
import com.mizani.kernel.money.Money;

import java.time.Instant;
import java.util.UUID;

/**
 * What became of a transfer, as its aggregate knows it; {@code failureCode} is set when it did not complete, and
 * {@code fx} when it converted on quote {@code fxQuoteId}.
 */
public record TransferOutcome(UUID transferId, UUID sourceWalletId, UUID destinationWalletId, Money amount,
                              TransferStatus status, ErrorCode failureCode, String failureReason,
                              Instant requestedAt, Instant finishedAt, UUID fxQuoteId, FxTerms fx) {

    public TransferOutcome(UUID transferId, UUID sourceWalletId, UUID destinationWalletId, Money amount,
                           TransferStatus status, ErrorCode failureCode, String failureReason, Instant requestedAt,
                           Instant finishedAt) {
        this(transferId, sourceWalletId, destinationWalletId, amount, status, failureCode, failureReason, requestedAt,
                finishedAt, null, null);
    }
}
