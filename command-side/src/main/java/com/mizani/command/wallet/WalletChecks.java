package com.mizani.command.wallet;

import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.money.Money;

import java.util.Optional;
import java.util.UUID;

/** Asks a wallet, without changing it, whether it would take a credit now. */
public interface WalletChecks {

    Optional<MizaniException> refusalOfCredit(UUID walletId, Money amount);
}
