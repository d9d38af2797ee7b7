package com.mizani.kernel.wallet;

import com.mizani.kernel.money.CurrencyCode;
import org.axonframework.serialization.Revision;

import java.util.UUID;

@Revision("1")
public record WalletOpenedEvent(UUID walletId, UUID ownerId, CurrencyCode currency, String requestHash) {
}
