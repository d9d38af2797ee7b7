package com.mizani.kernel.payment;

import com.mizani.kernel.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;
import java.util.UUID;

/** Credits a wallet with money received through {@code method}; the id comes from the idempotency key. */
public record RecordDepositCommand(@TargetAggregateIdentifier UUID paymentId, UUID walletId, Money amount,
                                   PaymentMethod method, String requestHash) {
    public RecordDepositCommand {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(walletId, "walletId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(requestHash, "requestHash");
        if (amount.amountMinor() <= 0) {
            throw new IllegalArgumentException("amount must be positive");
        }
    }
}
