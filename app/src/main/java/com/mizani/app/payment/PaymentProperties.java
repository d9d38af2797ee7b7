package com.mizani.app.payment;

import com.mizani.command.payment.PaymentSettings;
import com.mizani.command.payment.SettleWindow;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Clock;
import java.time.Duration;

/**
 * Every payment setting, in one tree: what the command side charges, and how the sagas wait for the provider and
 * send it their requests.
 *
 * @param withdrawalFeeMinor the fee charged on every payout, in minor units of the payout's currency
 * @param settleWindowMs     how long after a payout's request the provider's "no such payout" is not believed: a
 *                           real provider may process an accepted request minutes later (docs/payments.md)
 * @param deadlines          when the sagas stop waiting for the provider and start asking it
 * @param providerCalls      how the sagas' provider requests run after the transaction that decided them
 */
@ConfigurationProperties("mizani.payments")
public record PaymentProperties(@DefaultValue("0") long withdrawalFeeMinor,
                                @DefaultValue("300000") long settleWindowMs,
                                @DefaultValue @NestedConfigurationProperty
                                PaymentDeadlineProperties deadlines,
                                @DefaultValue @NestedConfigurationProperty ProviderCallProperties providerCalls) {

    public PaymentSettings settings() {
        return new PaymentSettings(withdrawalFeeMinor);
    }

    public SettleWindow settleWindow() {
        return new SettleWindow(Duration.ofMillis(settleWindowMs), Clock.systemUTC());
    }
}
