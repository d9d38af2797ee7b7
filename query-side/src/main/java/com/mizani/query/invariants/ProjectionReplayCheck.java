package com.mizani.query.invariants;

import com.mizani.query.support.Amounts;
import com.mizani.kernel.error.MizaniException;
import com.mizani.query.history.WalletEventLog;
import com.mizani.query.ledger.WalletMovement;
import com.mizani.query.wallet.WalletViewRepository;
import com.mizani.query.wallet.WalletViewRow;
import io.swagger.v3.oas.annotations.media.Schema;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Compares each wallet's projected balance (available plus held) with the balance its events add up to, read
 * straight from the event store. The projection lags the events, so the events are folded only up to the wallet's
 * projected version, by sequence number: a wallet with newer events is "not yet projected", never a violation.
 * Replaying costs one event-store read per wallet, so a run checks at most a sample of wallets and successive runs
 * walk through all of them.
 */
@Component
public class ProjectionReplayCheck {

    private final WalletViewRepository wallets;
    private final WalletEventLog eventLog;
    private final WalletRotation rotation = new WalletRotation();

    public ProjectionReplayCheck(WalletViewRepository wallets, WalletEventLog eventLog) {
        this.wallets = wallets;
        this.eventLog = eventLog;
    }

    /**
     * A wallet whose projection disagrees with its events.
     *
     * @param replayedBalance   null when the event store has no events for the wallet
     * @param lastEventSequence the sequence of its latest event, -1 when it has none
     */
    public record Mismatch(UUID walletId, String currency, long projectedVersion, String projectedBalance,
                           String replayedBalance, long lastEventSequence, String detail) {
    }

    /** @param notYetProjected wallets checked whose events are ahead of their projection (compared as projected) */
    // Named apart: the OpenAPI document keeps one schema per simple name, and every check has a Result.
    @Schema(name = "ProjectionCheckResult")
    public record Result(ReplayCoverage coverage, int notYetProjected, long mismatchCount,
                         List<Mismatch> mismatches) {
    }

    public synchronized Result check(Instant now, int sampleSize, int maxReported) {
        long total = wallets.count();
        List<WalletViewRow> sample = sample(now, total, sampleSize);
        int notYetProjected = 0;
        long mismatchCount = 0;
        List<Mismatch> mismatches = new ArrayList<>();
        for (WalletViewRow wallet : sample) {
            List<DomainEventMessage<?>> events = eventsOf(wallet.walletId());
            Mismatch mismatch = compare(wallet, events);
            if (mismatch != null) {
                mismatchCount++;
                if (mismatches.size() < maxReported) {
                    mismatches.add(mismatch);
                }
            } else if (lastSequence(events) > wallet.version()) {
                notYetProjected++;
            }
        }
        return new Result(rotation.coverage(sample.size(), total), notYetProjected, mismatchCount, mismatches);
    }

    private List<WalletViewRow> sample(Instant now, long total, int size) {
        if (total <= size) {
            rotation.restart(now);
            List<WalletViewRow> all = wallets.after(null, size);
            rotation.took(ids(all));
            rotation.end(now);
            return all;
        }
        rotation.begin(now);
        List<WalletViewRow> slice = new ArrayList<>(wallets.after(rotation.cursor(), size));
        rotation.took(ids(slice));
        if (slice.size() < size) {
            rotation.end(now);
            rotation.begin(now);
            List<WalletViewRow> wrapped = wallets.after(null, size - slice.size());
            rotation.took(ids(wrapped));
            slice.addAll(wrapped);
        }
        return slice;
    }

    private static List<UUID> ids(List<WalletViewRow> wallets) {
        return wallets.stream().map(WalletViewRow::walletId).toList();
    }

    private List<DomainEventMessage<?>> eventsOf(UUID walletId) {
        try {
            return eventLog.eventsOf(walletId);
        } catch (MizaniException noEvents) {
            return List.of();
        }
    }

    /** Null when the projection agrees with the events up to its version. */
    private static Mismatch compare(WalletViewRow wallet, List<DomainEventMessage<?>> events) {
        long last = lastSequence(events);
        String projected = Amounts.format(wallet.balanceMinor(), wallet.currency());
        if (events.isEmpty()) {
            return new Mismatch(wallet.walletId(), wallet.currency(), wallet.version(), projected, null, last,
                    "the event store has no events for this wallet");
        }
        if (last < wallet.version()) {
            return new Mismatch(wallet.walletId(), wallet.currency(), wallet.version(), projected, null, last,
                    "the projection claims events the event store does not have");
        }
        long replayed = 0;
        for (DomainEventMessage<?> event : events) {
            if (event.getSequenceNumber() <= wallet.version()) {
                var movement = WalletMovement.of(event.getPayload());
                if (movement.isPresent()) {
                    replayed += movement.get().walletSide().signed(movement.get().amount().amountMinor());
                }
            }
        }
        if (replayed == wallet.balanceMinor()) {
            return null;
        }
        return new Mismatch(wallet.walletId(), wallet.currency(), wallet.version(), projected,
                Amounts.format(replayed, wallet.currency()), last,
                "projected balance differs from the events up to version " + wallet.version());
    }

    private static long lastSequence(List<DomainEventMessage<?>> events) {
        return events.isEmpty() ? -1 : events.getLast().getSequenceNumber();
    }
}
