package com.mizani.kernel.wallet;

import org.axonframework.serialization.Revision;

import java.util.UUID;

@Revision("1")
public record WalletUnfrozenEvent(UUID walletId) {
}
