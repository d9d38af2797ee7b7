package com.mizani.command.payment;

/**
 * Tunables of payments through the provider. Bound by the app from {@code mizani.payments}, the one tree of every
 * payment setting (PaymentProperties), with the sagas' timings beside it.
 *
 * @param withdrawalFeeMinor the fee charged on every payout, in minor units of the payout's currency; it goes to
 *                           the {@code fees:<CCY>} account when the payout settles and back to the wallet if it fails
 */
public record PaymentSettings(long withdrawalFeeMinor) {

    public PaymentSettings {
        if (withdrawalFeeMinor < 0) {
            throw new IllegalArgumentException("mizani.payments.withdrawal-fee-minor must be >= 0");
        }
    }
}
