package com.mizani.query.ledger;

import com.mizani.kernel.wallet.FundsReservedEvent;
import com.mizani.kernel.wallet.ReservationCapturedEvent;
import com.mizani.kernel.wallet.ReservationReleasedEvent;
import com.mizani.kernel.wallet.ReservedPartReleasedEvent;
import com.mizani.kernel.wallet.WalletClosedEvent;
import com.mizani.kernel.wallet.WalletCreditedEvent;
import com.mizani.kernel.wallet.WalletDebitedEvent;
import com.mizani.kernel.wallet.WalletFrozenEvent;
import com.mizani.kernel.wallet.WalletOpenedEvent;
import com.mizani.kernel.wallet.WalletStatus;
import com.mizani.kernel.wallet.WalletUnfrozenEvent;
import com.mizani.query.support.ProjectionBatch;
import com.mizani.query.wallet.WalletViewRepository;
import com.mizani.query.wallet.WalletViewRow;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds wallet balances and ledger entries in one processing group, so that both are written in the same
 * transaction and a wallet's balance always equals the sum of its entries. Writes are collected per event batch
 * ({@link ProjectionBatch}) and are idempotent: a wallet row only moves forward in the wallet's sequence, entries
 * are unique per (event, account).
 */
@Component
@ProcessingGroup(LedgerProjection.PROCESSING_GROUP)
public class LedgerProjection {

    public static final String PROCESSING_GROUP = "ledger";

    private final WalletViewRepository wallets;
    private final LedgerEntryRepository entries;
    private final EventPositions eventPositions;

    public LedgerProjection(WalletViewRepository wallets, LedgerEntryRepository entries,
                            EventPositions eventPositions) {
        this.wallets = wallets;
        this.entries = entries;
        this.eventPositions = eventPositions;
    }

    @EventHandler
    void on(WalletOpenedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        batch().opened.add(WalletViewRow.opened(event.walletId(), event.ownerId(), event.currency(), at));
        batch().wallet(event.walletId()).sequence(sequence, at);
    }

    @EventHandler
    void on(WalletFrozenEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        batch().wallet(event.walletId()).status(WalletStatus.FROZEN, sequence, at);
    }

    @EventHandler
    void on(WalletUnfrozenEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        batch().wallet(event.walletId()).status(WalletStatus.ACTIVE, sequence, at);
    }

    @EventHandler
    void on(WalletClosedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        batch().wallet(event.walletId()).status(WalletStatus.CLOSED, sequence, at);
    }

    @EventHandler
    void on(WalletCreditedEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MessageIdentifier String eventId, TrackingToken token) {
        post(WalletMovement.of(event), eventId, positionOf(token), sequence, at);
    }

    @EventHandler
    void on(WalletDebitedEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MessageIdentifier String eventId, TrackingToken token) {
        post(WalletMovement.of(event), eventId, positionOf(token), sequence, at);
    }

    /** A reservation moves money between available and held; no posting, only the wallet's balances change. */
    @EventHandler
    void on(FundsReservedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        batch().wallet(event.walletId()).balances(event.availableAfterMinor(), event.heldAfterMinor(), sequence, at);
    }

    @EventHandler
    void on(ReservationReleasedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        batch().wallet(event.walletId()).balances(event.availableAfterMinor(), event.heldAfterMinor(), sequence, at);
    }

    @EventHandler
    void on(ReservedPartReleasedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        batch().wallet(event.walletId()).balances(event.availableAfterMinor(), event.heldAfterMinor(), sequence, at);
    }

    /** Spending a reservation changes nothing here (its debits came just before); only the wallet's sequence moves. */
    @EventHandler
    void on(ReservationCapturedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        batch().wallet(event.walletId()).sequence(sequence, at);
    }

    /** One wallet event is one balanced pair: the wallet's side and the contra account's opposite side. */
    private void post(WalletMovement movement, String eventId, long position, long sequence, Instant at) {
        Batch batch = batch();
        batch.pairs.add(new PostedPair(LedgerPosting.pairOf(movement, eventId, sequence, at), position));
        batch.wallet(movement.walletId()).balances(movement.availableAfterMinor(), movement.heldAfterMinor(),
                sequence, at);
    }

    /**
     * A pair of postings and the position of the token that delivered its event, which is the event's own position
     * in the global stream unless the event filled a gap ({@link EventPositions}).
     */
    private record PostedPair(List<LedgerPosting> postings, long tokenPosition) {

        LedgerPosting walletSide() {
            return postings.getFirst();
        }

        UUID walletId() {
            return UUID.fromString(walletSide().account());
        }
    }

    private Batch batch() {
        return ProjectionBatch.current(LedgerProjection.class.getName(), Batch::new, this::flush);
    }

    /** What one event batch changes: new wallets, each touched wallet's latest state, and the new postings. */
    private static final class Batch {
        final List<WalletViewRow> opened = new ArrayList<>();
        final Map<UUID, WalletChange> wallets = new LinkedHashMap<>();
        final List<PostedPair> pairs = new ArrayList<>();

        WalletChange wallet(UUID walletId) {
            return wallets.computeIfAbsent(walletId, WalletChange::new);
        }
    }

    /**
     * A wallet's state after the batch's events, in the wallet's order (the processor keeps one wallet's events in
     * one segment, in sequence). Fields the batch did not touch stay null and keep their stored value.
     */
    private static final class WalletChange {
        final UUID walletId;
        String status;
        Long availableMinor;
        Long heldMinor;
        long version = -1;
        long firstSequence = -1;
        Instant at;
        String lastEntryHash;

        WalletChange(UUID walletId) {
            this.walletId = walletId;
        }

        void status(WalletStatus newStatus, long sequence, Instant time) {
            status = newStatus.name();
            advance(sequence, time);
        }

        void balances(long available, long held, long sequence, Instant time) {
            availableMinor = available;
            heldMinor = held;
            advance(sequence, time);
        }

        void sequence(long sequence, Instant time) {
            advance(sequence, time);
        }

        WalletViewRepository.Update update() {
            return new WalletViewRepository.Update(walletId, status, availableMinor, heldMinor, version, at,
                    lastEntryHash);
        }

        /**
         * Every wallet event passes here, in the wallet's order. A sequence that skips one means an earlier event of
         * this wallet has not been projected: applying the later one would show a balance its entries do not add up
         * to, so it is refused (and the batch retried) instead.
         */
        private void advance(long sequence, Instant time) {
            if (firstSequence < 0) {
                firstSequence = sequence;
            } else if (sequence > version + 1) {
                throw new MissingWalletEventException(walletId, version + 1, sequence);
            }
            version = Math.max(version, sequence);
            at = time;
        }
    }

    private void flush(Batch batch) {
        Map<UUID, WalletViewRow> projected = new HashMap<>();
        wallets.findAll(batch.wallets.keySet()).forEach(row -> projected.put(row.walletId(), row));
        requireContinuity(batch, projected);
        Map<String, Long> positions = eventPositions.of(batch.pairs.stream().map(pair -> pair.walletSide().eventId()).toList());
        List<LedgerEntryRow> newEntries = chainEntries(batch, projected, positions);
        wallets.insertIfAbsent(batch.opened);
        wallets.update(batch.wallets.values().stream().map(WalletChange::update).toList());
        entries.insertIfAbsent(newEntries);
    }

    /** The batch's first event of each wallet must follow the last one projected (or repeat it, on redelivery). */
    private static void requireContinuity(Batch batch, Map<UUID, WalletViewRow> projected) {
        for (WalletChange change : batch.wallets.values()) {
            WalletViewRow wallet = projected.get(change.walletId);
            long expected = wallet == null ? 0 : wallet.version() + 1;
            if (change.firstSequence > expected) {
                throw new MissingWalletEventException(change.walletId, expected, change.firstSequence);
            }
        }
    }

    /**
     * The rows of the batch's new postings, each wallet's chain extended in the wallet's order. A redelivered event
     * (at or before the projected version) is already stored, with its hash; it neither writes nor moves the chain.
     */
    private static List<LedgerEntryRow> chainEntries(Batch batch, Map<UUID, WalletViewRow> projected,
                                                     Map<String, Long> positions) {
        List<LedgerEntryRow> rows = new ArrayList<>();
        for (PostedPair pair : batch.pairs) {
            WalletViewRow stored = projected.get(pair.walletId());
            if (stored != null && pair.walletSide().walletSequence() <= stored.version()) {
                continue;
            }
            WalletChange change = batch.wallet(pair.walletId());
            String previous = change.lastEntryHash != null ? change.lastEntryHash
                    : stored != null && stored.lastEntryHash() != null ? stored.lastEntryHash() : LedgerPosting.GENESIS;
            String walletHash = pair.walletSide().hash(previous);
            long position = positions.getOrDefault(pair.walletSide().eventId(), pair.tokenPosition());
            rows.add(LedgerEntryRow.of(pair.walletSide(), position, walletHash));
            rows.add(LedgerEntryRow.of(pair.postings().get(1), position, pair.postings().get(1).hash(walletHash)));
            change.lastEntryHash = walletHash;
        }
        return rows;
    }

    /**
     * An event of a wallet arrived before an earlier one of the same wallet was projected. Thrown so that the batch
     * rolls back and is retried: a late-committing event then arrives in between. If it never does, the projection
     * stops here, loudly, rather than showing balances that its entries contradict.
     */
    static final class MissingWalletEventException extends IllegalStateException {
        MissingWalletEventException(UUID walletId, long expected, long arrived) {
            super("wallet %s: event %d arrived but event %d has not been projected".formatted(walletId, arrived, expected));
        }
    }

    private static long positionOf(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("ledger events must come from a stream with positions"));
    }

    /** A replay rebuilds the views from the first event, so it starts from empty ones. */
    @ResetHandler
    void reset() {
        entries.truncate();
        wallets.truncate();
    }
}
