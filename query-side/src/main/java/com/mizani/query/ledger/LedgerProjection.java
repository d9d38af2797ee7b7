package com.mizani.query.ledger;

import com.mizani.kernel.ledger.Direction;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.wallet.WalletClosedEvent;
import com.mizani.kernel.wallet.WalletCreditedEvent;
import com.mizani.kernel.wallet.WalletDebitedEvent;
import com.mizani.kernel.wallet.WalletFrozenEvent;
import com.mizani.kernel.wallet.WalletOpenedEvent;
import com.mizani.kernel.wallet.WalletStatus;
import com.mizani.kernel.wallet.WalletUnfrozenEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Builds wallet balances and ledger entries in one processing group, so that both are written in the same
 * transaction and a wallet's balance always equals the sum of its entries. Every write is idempotent:
 * balances only move forward in the wallet's sequence, entries are unique per (event, account).
 */
@Component
@ProcessingGroup(LedgerProjection.PROCESSING_GROUP)
public class LedgerProjection {

    public static final String PROCESSING_GROUP = "ledger";

    private final JdbcClient jdbc;

    public LedgerProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(WalletOpenedEvent event, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO wallet_view (wallet_id, owner_id, currency, status, available_minor, held_minor,
                                                 version, opened_at, updated_at)
                        VALUES (?, ?, ?, ?, 0, 0, 0, ?, ?)
                        ON CONFLICT (wallet_id) DO NOTHING""")
                .params(event.walletId(), event.ownerId(), event.currency().name(), WalletStatus.ACTIVE.name(),
                        utc(at), utc(at))
                .update();
    }

    @EventHandler
    void on(WalletFrozenEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        updateStatus(event.walletId(), WalletStatus.FROZEN, sequence, at);
    }

    @EventHandler
    void on(WalletUnfrozenEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        updateStatus(event.walletId(), WalletStatus.ACTIVE, sequence, at);
    }

    @EventHandler
    void on(WalletClosedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        updateStatus(event.walletId(), WalletStatus.CLOSED, sequence, at);
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

    private record Posting(UUID walletId, UUID transactionId, Money amount, String kind, Direction walletSide,
                           String contraAccount, long availableAfterMinor, long heldAfterMinor) {
    }

    /** Which event a posting comes from: its id, global position, the wallet's sequence number and time. */
    private record Origin(String eventId, long position, long walletSequence, Instant at) {
    }

    /** One wallet event is one balanced pair: the wallet's side and the contra account's opposite side. */
    private void post(Posting posting, Origin origin) {
        Direction contraSide = posting.walletSide() == Direction.CREDIT ? Direction.DEBIT : Direction.CREDIT;
        insertEntry(posting, origin, 0, posting.walletId().toString(), posting.walletSide(), posting.contraAccount(),
                posting.availableAfterMinor() + posting.heldAfterMinor());
        insertEntry(posting, origin, 1, posting.contraAccount(), contraSide, posting.walletId().toString(), null);
        jdbc.sql("""
                        UPDATE wallet_view SET available_minor = ?, held_minor = ?, version = ?, updated_at = ?
                        WHERE wallet_id = ? AND version < ?""")
                .params(posting.availableAfterMinor(), posting.heldAfterMinor(), origin.walletSequence(),
                        utc(origin.at()), posting.walletId(), origin.walletSequence())
                .update();
    }

    private void insertEntry(Posting posting, Origin origin, int postingIndex, String account, Direction direction,
                             String contra, Long balanceAfterMinor) {
        boolean isWallet = postingIndex == 0;
        jdbc.sql("""
                        INSERT INTO ledger_entry (account, is_wallet, currency, transaction_id, kind, direction,
                                                  amount_minor, balance_after_minor, contra_account, occurred_at,
                                                  event_id, event_position, posting_index, wallet_sequence)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (event_id, account) DO NOTHING""")
                .params(account, isWallet, posting.amount().currency().name(), posting.transactionId(), posting.kind(),
                        direction.name(), posting.amount().amountMinor(), balanceAfterMinor, contra, utc(origin.at()),
                        origin.eventId(), origin.position(), postingIndex, isWallet ? origin.walletSequence() : null)
                .update();
    }

    private static long positionOf(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("ledger events must come from a stream with positions"));
    }

    private void updateStatus(UUID walletId, WalletStatus status, long sequence, Instant at) {
        jdbc.sql("UPDATE wallet_view SET status = ?, version = ?, updated_at = ? WHERE wallet_id = ? AND version < ?")
                .params(status.name(), sequence, utc(at), walletId, sequence)
                .update();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
