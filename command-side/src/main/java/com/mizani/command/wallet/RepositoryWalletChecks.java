package com.mizani.command.wallet;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Loads the wallet in the current unit of work and asks it; the wallet's own rules answer. */
@Component
public class RepositoryWalletChecks implements WalletChecks {

    private final Repository<Wallet> wallets;

    public RepositoryWalletChecks(@Qualifier("walletRepository") Repository<Wallet> wallets) {
        this.wallets = wallets;
    }

    @Override
    public Optional<MizaniException> refusalOfCredit(UUID walletId, Money amount) {
        return ask(walletId, wallet -> wallet.refusalOfCredit(amount));
    }

    @Override
    public Optional<MizaniException> refusalOfFutureMovement(UUID walletId, Money amount) {
        return ask(walletId, wallet -> wallet.refusalOfFutureMovement(amount));
    }

    @Override
    public Optional<CurrencyCode> currencyOf(UUID walletId) {
        try {
            return Optional.of(wallets.load(walletId.toString()).invoke(Wallet::currency));
        } catch (AggregateNotFoundException missing) {
            return Optional.empty();
        }
    }

    @Override
    public boolean holdsAvailable(UUID walletId, Money amount) {
        try {
            return wallets.load(walletId.toString()).invoke(wallet -> wallet.holdsAvailable(amount));
        } catch (AggregateNotFoundException missing) {
            return false;
        }
    }

    private Optional<MizaniException> ask(UUID walletId, Function<Wallet, Optional<MizaniException>> question) {
        try {
            return wallets.load(walletId.toString()).invoke(question);
        } catch (AggregateNotFoundException missing) {
            return Optional.of(new MizaniException(ErrorCode.WALLET_NOT_FOUND, "wallet " + walletId + " does not exist"));
        }
    }
}
