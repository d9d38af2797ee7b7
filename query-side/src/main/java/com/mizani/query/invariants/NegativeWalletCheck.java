package com.mizani.query.invariants;

import com.mizani.query.support.Amounts;
import com.mizani.query.wallet.WalletViewRepository;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/** No customer wallet's projected available or held balance is below zero. */
@Component
public class NegativeWalletCheck {

    private final WalletViewRepository wallets;

    public NegativeWalletCheck(WalletViewRepository wallets) {
        this.wallets = wallets;
    }

    public record NegativeWallet(UUID walletId, String currency, String available, String held) {
    }

    /** @param count every negative wallet, of which {@code wallets} lists the first few */
    // Named apart: the OpenAPI document keeps one schema per simple name, and every check has a Result.
    @Schema(name = "NegativeWalletResult")
    public record Result(long count, List<NegativeWallet> wallets) {
    }

    public Result check(int maxReported) {
        long count = wallets.countNegative();
        if (count == 0) {
            return new Result(0, List.of());
        }
        List<NegativeWallet> negative = wallets.negative(maxReported).stream()
                .map(wallet -> new NegativeWallet(wallet.walletId(), wallet.currency(),
                        Amounts.format(wallet.availableMinor(), wallet.currency()),
                        Amounts.format(wallet.heldMinor(), wallet.currency())))
                .toList();
        return new Result(count, negative);
    }
}
