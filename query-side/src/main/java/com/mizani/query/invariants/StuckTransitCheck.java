package com.mizani.query.invariants;

import com.mizani.query.support.Amounts;
import com.mizani.query.ledger.LedgerEntryRepository;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Money in {@code transit:<CCY>} is between the two legs of a transfer: a transaction whose transit postings do not
 * net to zero is in flight. A transfer's legs are normally milliseconds apart, so one still in flight after the
 * threshold is stuck (a saga that stopped, a credit that was never applied) and needs an operator.
 */
@Component
public class StuckTransitCheck {

    private final LedgerEntryRepository entries;

    public StuckTransitCheck(LedgerEntryRepository entries) {
        this.entries = entries;
    }

    /**
     * @param amount what the transaction left in transit
     * @param since  when its first transit posting was made
     */
    public record InFlight(UUID transactionId, String currency, String amount, Instant since) {
    }

    /** @param count every stuck transaction, of which {@code transactions} lists the oldest */
    // Named apart: the OpenAPI document keeps one schema per simple name, and every check has a Result.
    @Schema(name = "StuckTransitResult")
    public record Result(long thresholdMs, long count, List<InFlight> transactions) {
    }

    public Result check(Instant now, Duration threshold, int maxReported) {
        LedgerEntryRepository.InTransitSince stuck = entries.inTransitSince(now.minus(threshold), maxReported);
        return new Result(threshold.toMillis(), stuck.count(), stuck.oldest().stream()
                .map(transit -> new InFlight(transit.transactionId(), transit.currency(),
                        Amounts.format(transit.netMinor(), transit.currency()), transit.since()))
                .toList());
    }
}
