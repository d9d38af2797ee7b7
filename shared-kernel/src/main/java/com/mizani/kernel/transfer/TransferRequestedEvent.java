package com.mizani.kernel.transfer;

import com.mizani.kernel.money.Money;
import org.axonframework.serialization.Revision;

import java.util.UUID;

@Revision("1")
public record TransferRequestedEvent(UUID transferId, UUID sourceWalletId, UUID destinationWalletId, Money amount,
                                     String requestHash) {
}
