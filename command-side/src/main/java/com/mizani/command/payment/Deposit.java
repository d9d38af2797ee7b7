package com.mizani.command.payment;

import com.mizani.command.support.WalletLegs;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.ledger.PostingKind;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.Msisdn;
import com.mizani.kernel.payment.PaymentMethod;
import com.mizani.kernel.payment.PaymentStatus;

import java.util.Optional;
import java.util.UUID;

/**
 * Money coming into a wallet: cash, settled at once; an STK push, once the customer approves it on the phone; a
 * pay-bill (C2B) payment, which the provider reports after the customer paid. It holds nothing on the wallet, so the
 * provider may answer from the moment it is recorded; settling credits the wallet, failing moves nothing.
 */
record Deposit(UUID walletId, Money amount, PaymentMethod method, Msisdn msisdn, PaymentStatus status)
        implements PaymentState {

    @Override
    public Money fee() {
        return Money.of(0, amount.currency());
    }

    @Override
    public Deposit withStatus(PaymentStatus next) {
        return new Deposit(walletId, amount, method, msisdn, next);
    }

    @Override
    public Deposit creditedTo(UUID namedWallet) {
        return new Deposit(namedWallet, amount, method, msisdn, status);
    }

    @Override
    public boolean awaitsAcknowledgement() {
        return status == PaymentStatus.REQUESTED;
    }

    @Override
    public Optional<MizaniException> settle(UUID paymentId, WalletLegs wallets) {
        return wallets.credit(walletId, paymentId, amount, PostingKind.DEPOSIT, settlementAccount());
    }

    /** Nothing to give back: the customer's money never reached the wallet. */
    @Override
    public void unwind(UUID paymentId, WalletLegs wallets) {
    }

    @Override
    public long walletDebtOf(long providerDifferenceMinor) {
        return -providerDifferenceMinor;
    }
}
