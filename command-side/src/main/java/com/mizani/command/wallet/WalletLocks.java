package com.mizani.command.wallet;

import java.util.UUID;

/** Takes the locks of the wallets a unit of work is about to change, for as long as that unit of work lasts. */
@FunctionalInterface
public interface WalletLocks {

    /**
     * Locks both wallets, lowest id first. Two transfers between the same wallets in opposite directions then
     * queue up instead of deadlocking. A wallet that does not exist is skipped: the command that needs it reports it.
     */
    void lockInIdOrder(UUID first, UUID second);
}
