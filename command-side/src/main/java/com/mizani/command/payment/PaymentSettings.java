package com.mizani.command.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tunables of payments through the provider.
 *
 * @param withdrawalFeeMinor the fee charged on every payout, in minor units of the payout's currency; it goes to
 *                           the {@code fees:<CCY>} account when the payout settles and back to the wallet if it fails
 */
@ConfigurationProperties("mizani.payments")
public record PaymentSettings(@DefaultValue("0") long withdrawalFeeMinor) {

    public PaymentSettings {
        if (withdrawalFeeMinor < 0) {
            throw new IllegalArgumentException("mizani.payments.withdrawal-fee-minor must be >= 0");
        }
    }
}
