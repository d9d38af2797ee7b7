package com.mizani.kernel.transfer;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.money.Money;

import java.time.Instant;
import java.util.UUID;

/** A transfer as the API shows it. {@code failureCode} and {@code failureReason} are set when it did not complete. */
public record TransferView(UUID transferId, UUID sourceWalletId, UUID destinationWalletId, String amount,
                           String currency, TransferStatus status, ErrorCode failureCode, String failureReason,
                           Instant requestedAt, Instant finishedAt) {

    public static TransferView of(TransferOutcome outcome) {
        return new TransferView(outcome.transferId(), outcome.sourceWalletId(), outcome.destinationWalletId(),
                outcome.amount().toDecimalString(), outcome.amount().currency().name(), outcome.status(),
                outcome.failureCode(), outcome.failureReason(), outcome.requestedAt(), outcome.finishedAt());
    }
}
