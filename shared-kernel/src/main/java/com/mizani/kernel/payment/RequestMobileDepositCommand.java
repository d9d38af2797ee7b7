package com.mizani.kernel.payment;

import com.mizani.kernel.money.Money;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks the customer's phone to pay {@code amount} into a wallet (STK push). */
public record RequestMobileDepositCommand(@TargetAggregateIdentifier UUID paymentId, UUID walletId, Money amount,
                                          Msisdn msisdn, String requestHash) {
    public RequestMobileDepositCommand {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(walletId, "walletId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(msisdn, "msisdn");
        Objects.requireNonNull(requestHash, "requestHash");
        if (amount.amountMinor() <= 0) {
            throw new IllegalArgumentException("amount must be positive");
        }
    }
}
