package com.mizani.query.history;

import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.wallet.WalletOpenedEvent;
import com.mizani.query.ledger.WalletMovement;
import org.axonframework.eventhandling.DomainEventMessage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * A wallet's balance (available plus held) at an instant, summed from the amounts of its events up to that instant
 * (times to the microsecond, as the read model stores them). It adds the amounts itself rather than trusting the
 * running balance the events carry, so that it checks the wallet as much as the projection.
 *
 * @param lastEntrySequence the wallet sequence of the last money movement counted, null before the first one
 * @param eventsRead        how many of the wallet's events were read to compute it
 */
public record ReplayedBalance(UUID walletId, CurrencyCode currency, Instant asOf, long balanceMinor,
                              Long lastEntrySequence, int eventsRead) {

    public static ReplayedBalance of(UUID walletId, List<DomainEventMessage<?>> events, Instant asOf) {
        CurrencyCode currency = null;
        long balance = 0;
        Long lastEntry = null;
        int read = 0;
        for (DomainEventMessage<?> event : events) {
            if (event.getPayload() instanceof WalletOpenedEvent opened) {
                currency = opened.currency();
            }
            if (event.getTimestamp().truncatedTo(ChronoUnit.MICROS).isAfter(asOf)) {
                break;
            }
            read++;
            var movement = WalletMovement.of(event.getPayload());
            if (movement.isPresent()) {
                balance += movement.get().walletSide().signed(movement.get().amount().amountMinor());
                lastEntry = event.getSequenceNumber();
            }
        }
        if (currency == null) {
            throw new IllegalStateException("wallet " + walletId + " has events but no WalletOpenedEvent");
        }
        return new ReplayedBalance(walletId, currency, asOf, balance, lastEntry, read);
    }
}
