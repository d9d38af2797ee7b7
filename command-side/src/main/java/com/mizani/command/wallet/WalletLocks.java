package com.mizani.command.wallet;

import java.util.Collection;
import java.util.UUID;

/** Takes the locks of the wallets a unit of work is about to change, for as long as that unit of work lasts. */
@FunctionalInterface
public interface WalletLocks {

    /**
     * Locks the wallets, lowest id first. Two units of work that change the same wallets (two transfers between them
     * in opposite directions, or two groups of transfers) then queue up instead of deadlocking. A wallet that does not
     * exist is skipped: the command that needs it reports it.
     */
    void lockInIdOrder(Collection<UUID> wallets);
}
