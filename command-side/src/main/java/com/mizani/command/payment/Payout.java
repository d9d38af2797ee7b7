package com.mizani.command.payment;

import com.mizani.command.support.WalletLegs;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.ledger.PostingKind;
import com.mizani.kernel.ledger.SystemAccounts;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.Msisdn;
import com.mizani.kernel.payment.PaymentMethod;
import com.mizani.kernel.payment.PaymentStatus;
import com.mizani.kernel.wallet.CaptureReservationCommand.Capture;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Money leaving a wallet for a phone (M-Pesa B2C). Its amount and fee are reserved on the wallet when it is recorded,
 * so it goes to the provider only once RESERVED; settling captures the reservation, failing releases it.
 */
record Payout(UUID walletId, Money amount, Money fee, Msisdn msisdn, PaymentStatus status) implements PaymentState {

    @Override
    public PaymentMethod method() {
        return PaymentMethod.MPESA_B2C;
    }

    @Override
    public Payout withStatus(PaymentStatus next) {
        return new Payout(walletId, amount, fee, msisdn, next);
    }

    /** The second half of a pair: a proposal names a wallet only for a deposit that matched none. */
    @Override
    public PaymentState creditedTo(UUID namedWallet) {
        throw new IllegalStateException("a resolution of a payout named wallet %s; a payout's wallet never changes"
                .formatted(namedWallet));
    }

    @Override
    public boolean awaitsAcknowledgement() {
        return status == PaymentStatus.RESERVED;
    }

    /** Capturing can never be refused: the provider has already paid the customer. */
    @Override
    public Optional<MizaniException> settle(UUID paymentId, WalletLegs wallets) {
        wallets.capture(walletId, paymentId, captures());
        return Optional.empty();
    }

    @Override
    public void unwind(UUID paymentId, WalletLegs wallets) {
        wallets.release(walletId, paymentId);
    }

    @Override
    public long walletDebtOf(long providerDifferenceMinor) {
        return providerDifferenceMinor;
    }

    /** The amount to the provider's settlement account, and the fee, if any, to the fees account. */
    private List<Capture> captures() {
        List<Capture> captures = new ArrayList<>();
        captures.add(new Capture(amount, PostingKind.WITHDRAWAL, settlementAccount()));
        if (fee.amountMinor() > 0) {
            captures.add(new Capture(fee, PostingKind.FEE, SystemAccounts.fees(fee.currency())));
        }
        return captures;
    }
}
