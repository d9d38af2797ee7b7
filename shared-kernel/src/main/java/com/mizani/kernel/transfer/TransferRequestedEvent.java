package com.mizani.kernel.transfer;

import com.mizani.kernel.money.Money;
import org.axonframework.serialization.Revision;

import java.util.UUID;

/** {@code fxQuoteId} names the quote of a cross-currency transfer; null within one currency (and in older events). */
@Revision("1")
public record TransferRequestedEvent(UUID transferId, UUID sourceWalletId, UUID destinationWalletId, Money amount,
                                     String requestHash, UUID fxQuoteId) {

    public TransferRequestedEvent(UUID transferId, UUID sourceWalletId, UUID destinationWalletId, Money amount,
                                  String requestHash) {
        this(transferId, sourceWalletId, destinationWalletId, amount, requestHash, null);
    }
}
