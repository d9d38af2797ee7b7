package com.mizani.command.transfer;

import com.mizani.command.support.IdempotentRequest;
import com.mizani.command.support.RequestFields;
import com.mizani.command.transfer.TransferCommandController.TransferRequest;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.idempotency.IdempotencyKeys;
import com.mizani.kernel.identity.Caller;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.transfer.RequestTransferCommand;
import com.mizani.kernel.transfer.TransferOutcome;
import com.mizani.kernel.transfer.TransferStatus;
import com.mizani.kernel.transfer.TransferView;

import java.net.URI;
import java.util.UUID;

/**
 * One transfer a client asked for, checked: the command it is carried out by, and what the API answers for it before
 * and after. The single endpoint and every item of a batch go through here, so that a request is checked, identified
 * and answered the same way by either, and the same key of the same caller is the same transfer in both.
 */
record TransferOrder(RequestTransferCommand command) {

    /** Checks the request's fields, and takes the transfer's id from the caller and its key. */
    static TransferOrder of(IdempotentRequest key, Caller caller, TransferRequest request, long maxAmountMinor) {
        UUID source = RequestFields.uuid("sourceWalletId", request.sourceWalletId());
        UUID destination = RequestFields.uuid("destinationWalletId", request.destinationWalletId());
        Money amount = RequestFields.amount(request.amount(), request.currency(), maxAmountMinor);
        if (source.equals(destination)) {
            throw new MizaniException(ErrorCode.SAME_WALLET, "source and destination wallet must differ");
        }
        if (request.fxQuoteId() == null) {
            return new TransferOrder(new RequestTransferCommand(key.idFor("transfer"), source, destination, amount,
                    IdempotencyKeys.fingerprint(source, destination, amount.amountMinor(), amount.currency())));
        }
        UUID quote = RequestFields.uuid("fxQuoteId", request.fxQuoteId());
        return new TransferOrder(new RequestTransferCommand(key.idFor("transfer"), source, destination, amount,
                IdempotencyKeys.fingerprint(source, destination, amount.amountMinor(), amount.currency(), quote),
                quote, caller.principal()));
    }

    /** Where the transfer can be read, and polled while it runs. */
    URI location() {
        return URI.create("/api/v1/transfers/" + command.transferId());
    }

    /** What the API answers while the outcome is not known yet (202). */
    TransferView requested() {
        Money amount = command.amount();
        return new TransferView(command.transferId(), command.sourceWalletId(), command.destinationWalletId(),
                amount.toDecimalString(), amount.currency().name(), TransferStatus.REQUESTED, null, null, null, null,
                command.fxQuoteId(), null);
    }

    /**
     * The outcome as the API answers it (201): COMPLETED, or FAILED with the source refunded. A source that refused
     * moved nothing, and is answered with its refusal: thrown, as the problem it becomes.
     */
    static TransferView finished(TransferOutcome outcome) {
        if (outcome.status() == TransferStatus.REJECTED) {
            throw new TransferRejected(outcome);
        }
        return TransferView.of(outcome);
    }
}
