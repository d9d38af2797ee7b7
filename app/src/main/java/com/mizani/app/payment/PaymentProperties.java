package com.mizani.app.payment;

import com.mizani.command.payment.PaymentSettings;
import com.mizani.command.payment.SettleWindow;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Clock;
import java.time.Duration;

/**
 * Every payment setting, in one tree: what the command side charges and how many payouts it lets wait unsent, and
 * how the sagas wait for the provider and send it their requests.
 *
 * @param withdrawalFeeMinor the fee charged on every payout, in minor units of the payout's currency
 * @param settleWindowMs     how long after a payout's request the provider's "no such payout" is not believed: a
 *                           real provider may process an accepted request minutes later (docs/payments.md)
 * @param deadlines          when the sagas stop waiting for the provider and start asking it
 * @param providerCalls      how the sagas' provider requests run after the transaction that decided them
 * @param maxUnsentPayouts   the payouts accepted and not yet sent to the provider (RESERVED) at which a new payout is
 *                           refused with 503 PAYOUTS_BACKLOGGED ({@link UnsentPayouts}). 2000 by default: on the
 *                           2-core benchmark box payouts settle at some 90 a second under load and 275 when nothing
 *                           else runs (docs/benchmarks.md), so 2000 are 7 to 22 s of sending, and half a minute for a
 *                           provider that takes a second per request at 64 in flight. A payout accepted at the bound
 *                           thus waits seconds, not minutes, with its money held (the benchmark's unbounded backlog
 *                           reached 25,711 payouts, which waited 73 s at the median), and clients learn as soon as the
 *                           provider falls behind. A faster provider can take more; keep it several times
 *                           {@code provider-calls.max-in-flight}, which are counted until their answers come
 */
@ConfigurationProperties("mizani.payments")
public record PaymentProperties(@DefaultValue("0") long withdrawalFeeMinor,
                                @DefaultValue("300000") long settleWindowMs,
                                @DefaultValue @NestedConfigurationProperty
                                PaymentDeadlineProperties deadlines,
                                @DefaultValue @NestedConfigurationProperty ProviderCallProperties providerCalls,
                                @DefaultValue("2000") long maxUnsentPayouts) {

    public PaymentProperties {
        if (maxUnsentPayouts < 1) {
            throw new IllegalArgumentException("mizani.payments.max-unsent-payouts must be >= 1");
        }
    }

    public PaymentSettings settings() {
        return new PaymentSettings(withdrawalFeeMinor);
    }

    public SettleWindow settleWindow() {
        return new SettleWindow(Duration.ofMillis(settleWindowMs), Clock.systemUTC());
    }
}
