package com.mizani.query.ledger;

import com.mizani.kernel.ledger.Direction;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.wallet.FundsReservedEvent;
import com.mizani.kernel.wallet.ReservationCapturedEvent;
import com.mizani.kernel.wallet.ReservationReleasedEvent;
import com.mizani.kernel.wallet.WalletClosedEvent;
import com.mizani.kernel.wallet.WalletCreditedEvent;
import com.mizani.kernel.wallet.WalletDebitedEvent;
import com.mizani.kernel.wallet.WalletFrozenEvent;
import com.mizani.kernel.wallet.WalletOpenedEvent;
import com.mizani.kernel.wallet.WalletStatus;
import com.mizani.kernel.wallet.WalletUnfrozenEvent;
import com.mizani.query.support.ProjectionBatch;

import static com.mizani.query.support.SqlTimes.utc;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;
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

    private final JdbcTemplate jdbc;

    public LedgerProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(WalletOpenedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        batch().opened.add(new Object[]{event.walletId(), event.ownerId(), event.currency().name(),
                WalletStatus.ACTIVE.name(), utc(at), utc(at)});
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
        post(new Posting(event.walletId(), event.transactionId(), event.amount(), event.kind().name(), Direction.CREDIT,
                event.contraAccount(), event.availableAfterMinor(), event.heldAfterMinor()),
                new Origin(eventId, positionOf(token), sequence, at));
    }

    @EventHandler
    void on(WalletDebitedEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MessageIdentifier String eventId, TrackingToken token) {
        post(new Posting(event.walletId(), event.transactionId(), event.amount(), event.kind().name(), Direction.DEBIT,
                event.contraAccount(), event.availableAfterMinor(), event.heldAfterMinor()),
                new Origin(eventId, positionOf(token), sequence, at));
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

    /** Spending a reservation changes nothing here (its debits came just before); only the wallet's sequence moves. */
    @EventHandler
    void on(ReservationCapturedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        batch().wallet(event.walletId()).sequence(sequence, at);
    }

    private record Posting(UUID walletId, UUID transactionId, Money amount, String kind, Direction walletSide,
                           String contraAccount, long availableAfterMinor, long heldAfterMinor) {
    }

    /** Which event a posting comes from: its id, global position, the wallet's sequence number and time. */
    private record Origin(String eventId, long position, long walletSequence, Instant at) {
    }

    /** One wallet event is one balanced pair: the wallet's side and the contra account's opposite side. */
    private void post(Posting posting, Origin origin) {
        Batch batch = batch();
        Direction contraSide = posting.walletSide() == Direction.CREDIT ? Direction.DEBIT : Direction.CREDIT;
        batch.entries.add(entry(posting, origin, 0, posting.walletId().toString(), posting.walletSide(),
                posting.contraAccount(), posting.availableAfterMinor() + posting.heldAfterMinor()));
        batch.entries.add(entry(posting, origin, 1, posting.contraAccount(), contraSide,
                posting.walletId().toString(), null));
        batch.wallet(posting.walletId()).balances(posting.availableAfterMinor(), posting.heldAfterMinor(),
                origin.walletSequence(), origin.at());
    }

    private static Object[] entry(Posting posting, Origin origin, int postingIndex, String account, Direction direction,
                                  String contra, Long balanceAfterMinor) {
        boolean isWallet = postingIndex == 0;
        return new Object[]{account, isWallet, posting.amount().currency().name(), posting.transactionId(),
                posting.kind(), direction.name(), posting.amount().amountMinor(), balanceAfterMinor, contra,
                utc(origin.at()), origin.eventId(), origin.position(), postingIndex,
                isWallet ? origin.walletSequence() : null};
    }

    private Batch batch() {
        return ProjectionBatch.current(LedgerProjection.class.getName(), Batch::new, this::flush);
    }

    /** What one event batch changes: new wallets, each touched wallet's latest state, and the new entries. */
    private static final class Batch {
        final List<Object[]> opened = new ArrayList<>();
        final Map<UUID, WalletChange> wallets = new LinkedHashMap<>();
        final List<Object[]> entries = new ArrayList<>();

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
        requireContinuity(batch);
        if (!batch.opened.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO wallet_view (wallet_id, owner_id, currency, status, available_minor, held_minor,
                                             version, opened_at, updated_at)
                    VALUES (?, ?, ?, ?, 0, 0, 0, ?, ?)
                    ON CONFLICT (wallet_id) DO NOTHING""", batch.opened);
        }
        if (!batch.wallets.isEmpty()) {
            List<Object[]> updates = new ArrayList<>();
            for (WalletChange change : batch.wallets.values()) {
                updates.add(new Object[]{change.status, change.availableMinor, change.heldMinor, change.version,
                        utc(change.at), change.walletId, change.version});
            }
            jdbc.batchUpdate("""
                    UPDATE wallet_view SET status = COALESCE(?, status), available_minor = COALESCE(?, available_minor),
                                           held_minor = COALESCE(?, held_minor), version = ?, updated_at = ?
                    WHERE wallet_id = ? AND version < ?""", updates);
        }
        if (!batch.entries.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO ledger_entry (account, is_wallet, currency, transaction_id, kind, direction,
                                              amount_minor, balance_after_minor, contra_account, occurred_at,
                                              event_id, event_position, posting_index, wallet_sequence)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (event_id, account) DO NOTHING""", batch.entries);
        }
    }

    /** The batch's first event of each wallet must follow the last one projected (or repeat it, on redelivery). */
    private void requireContinuity(Batch batch) {
        if (batch.wallets.isEmpty()) {
            return;
        }
        Map<UUID, Long> projected = new HashMap<>();
        jdbc.query("SELECT wallet_id, version FROM wallet_view WHERE wallet_id = ANY (?)",
                rs -> {
                    projected.put(rs.getObject("wallet_id", UUID.class), rs.getLong("version"));
                },
                (Object) batch.wallets.keySet().toArray(UUID[]::new));
        for (WalletChange change : batch.wallets.values()) {
            long expected = projected.containsKey(change.walletId) ? projected.get(change.walletId) + 1 : 0;
            if (change.firstSequence > expected) {
                throw new MissingWalletEventException(change.walletId, expected, change.firstSequence);
            }
        }
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
}
