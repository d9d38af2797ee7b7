package com.mizani.command.wallet;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Locks wallets by loading them in the current unit of work: the repository holds an aggregate's lock until the
 * root unit of work ends, and commands dispatched inside it find the wallet already loaded and held.
 */
@Component
public class RepositoryWalletLocks implements WalletLocks {

    private final Repository<Wallet> wallets;

    public RepositoryWalletLocks(@Qualifier("walletRepository") Repository<Wallet> wallets) {
        this.wallets = wallets;
    }

    @Override
    public void lockInIdOrder(Collection<UUID> walletIds) {
        for (UUID walletId : new TreeSet<>(walletIds)) {
            try {
                wallets.load(walletId.toString());
            } catch (AggregateNotFoundException missing) {
                // Skipped: the leg that needs this wallet refuses with WALLET_NOT_FOUND.
            }
        }
    }
}
