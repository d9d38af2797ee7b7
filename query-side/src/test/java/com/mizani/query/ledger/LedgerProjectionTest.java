package com.mizani.query.ledger;

import com.mizani.kernel.ledger.Direction;
import com.mizani.kernel.ledger.PostingKind;
import com.mizani.kernel.ledger.SystemAccounts;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.wallet.FundsReservedEvent;
import com.mizani.kernel.wallet.ReservationCapturedEvent;
import com.mizani.kernel.wallet.WalletCreditedEvent;
import com.mizani.kernel.wallet.WalletDebitedEvent;
import com.mizani.kernel.wallet.WalletFrozenEvent;
import com.mizani.kernel.wallet.WalletOpenedEvent;
import com.mizani.query.history.ChainVerification;
import com.mizani.query.history.ChainVerifier;
import com.mizani.query.history.WalletEventLog;
import com.mizani.query.support.ProjectionDatabase;
import com.mizani.query.support.ProjectionRunner;
import com.mizani.query.wallet.WalletViewRepository;
import com.mizani.query.wallet.WalletViewRow;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The ledger projection against real PostgreSQL, its handlers called by Axon's adapter in a processor's batch: the
 * rows a wallet's events give, the hash chain over them, the continuity of each wallet's sequence and running
 * balance, and that redelivery and replay give the same rows.
 */
@ExtendWith(ProjectionDatabase.class)
class LedgerProjectionTest {

    private static final CurrencyCode KES = CurrencyCode.KES;
    private static final String SETTLEMENT = SystemAccounts.providerSettlement("mpesa", KES);
    private static final String TRANSIT = SystemAccounts.transit(KES);

    private final JdbcTemplate jdbc;
    private final LedgerEntryRepository entries;
    private final WalletViewRepository wallets;
    private final ProjectionRunner runner;

    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private final UUID transfer = UUID.randomUUID();

    LedgerProjectionTest(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.entries = new LedgerEntryRepository(jdbc);
        this.wallets = new WalletViewRepository(jdbc);
        this.runner = new ProjectionRunner(new LedgerProjection(wallets, entries, new EventPositions(jdbc)),
                ProjectionDatabase.dataSource());
    }

    /**
     * Alice deposits 100.00, sends 25.00 to Bob through transit, reserves 10.00 and pays it out; Bob's wallet is then
     * frozen. Alice's sequences: 0 opened, 1 credited, 2 debited, 3 reserved, 4 debited, 5 captured; Bob's: 0 opened,
     * 1 credited, 2 frozen.
     */
    private List<TrackedEventMessage<?>> history() {
        UUID deposit = UUID.randomUUID();
        UUID payout = UUID.randomUUID();
        UUID reservation = UUID.randomUUID();
        return List.of(
                wallet(alice, new WalletOpenedEvent(alice, UUID.randomUUID(), KES, "open-alice")),
                wallet(alice, new WalletCreditedEvent(alice, deposit, kes(10_000), PostingKind.DEPOSIT, SETTLEMENT, 10_000, 0)),
                wallet(bob, new WalletOpenedEvent(bob, UUID.randomUUID(), KES, "open-bob")),
                wallet(alice, new WalletDebitedEvent(alice, transfer, kes(2_500), PostingKind.TRANSFER_OUT, TRANSIT, 7_500, 0)),
                wallet(bob, new WalletCreditedEvent(bob, transfer, kes(2_500), PostingKind.TRANSFER_IN, TRANSIT, 2_500, 0)),
                wallet(alice, new FundsReservedEvent(alice, reservation, kes(1_000), 6_500, 1_000)),
                wallet(alice, new WalletDebitedEvent(alice, payout, kes(1_000), PostingKind.WITHDRAWAL, SETTLEMENT, 6_500, 0)),
                wallet(alice, new ReservationCapturedEvent(alice, reservation)),
                wallet(bob, new WalletFrozenEvent(bob)));
    }

    @Test
    void eachMovementBecomesABalancedPairAndTheWalletsTheirLatestState() {
        List<TrackedEventMessage<?>> events = history();
        runner.deliver(events);

        assertThat(walletChain(alice))
                .extracting(LedgerEntryRow::walletSequence, LedgerEntryRow::direction, LedgerEntryRow::amountMinor,
                        LedgerEntryRow::balanceAfterMinor, LedgerEntryRow::contraAccount, LedgerEntryRow::eventPosition)
                .containsExactly(
                        tuple(1L, "CREDIT", 10_000L, 10_000L, SETTLEMENT, 1L),
                        tuple(2L, "DEBIT", 2_500L, 7_500L, TRANSIT, 3L),
                        tuple(4L, "DEBIT", 1_000L, 6_500L, SETTLEMENT, 6L));
        assertThat(entries.ofTransaction(transfer, 10))
                .extracting(LedgerEntryRow::account, LedgerEntryRow::isWallet, LedgerEntryRow::direction,
                        LedgerEntryRow::balanceAfterMinor, LedgerEntryRow::contraAccount, LedgerEntryRow::postingIndex,
                        LedgerEntryRow::walletSequence)
                .containsExactly(
                        tuple(alice.toString(), true, "DEBIT", 7_500L, TRANSIT, 0, 2L),
                        tuple(TRANSIT, false, "CREDIT", null, alice.toString(), 1, null),
                        tuple(bob.toString(), true, "CREDIT", 2_500L, TRANSIT, 0, 1L),
                        tuple(TRANSIT, false, "DEBIT", null, bob.toString(), 1, null));

        assertThat(wallets.find(alice)).get()
                .extracting(WalletViewRow::status, WalletViewRow::availableMinor, WalletViewRow::heldMinor,
                        WalletViewRow::version, WalletViewRow::openedAt, WalletViewRow::updatedAt)
                .containsExactly("ACTIVE", 6_500L, 0L, 5L, stored(events.get(0)), stored(events.get(7)));
        assertThat(wallets.find(bob)).get()
                .extracting(WalletViewRow::status, WalletViewRow::availableMinor, WalletViewRow::version)
                .containsExactly("FROZEN", 2_500L, 2L);
        assertThat(new CurrencySums(entries).perCurrency())
                .singleElement().satisfies(sum -> assertThat(sum.balanced()).isTrue());
    }

    @Test
    void eachEntryHashCoversItsContentAndThePreviousEntryOfItsWallet() {
        List<TrackedEventMessage<?>> events = history();
        runner.deliver(events);

        for (UUID wallet : List.of(alice, bob)) {
            String previous = LedgerPosting.GENESIS;
            for (LedgerEntryRow walletSide : walletChain(wallet)) {
                long sequence = walletSide.walletSequence();
                assertThat(walletSide.entryHash()).isEqualTo(posting(walletSide, sequence).hash(previous));
                LedgerEntryRow contraSide = entries.chainOf(wallet, List.of(walletSide.eventId())).stream()
                        .filter(row -> !row.isWallet()).findFirst().orElseThrow();
                assertThat(contraSide.entryHash()).isEqualTo(posting(contraSide, sequence).hash(walletSide.entryHash()));
                previous = walletSide.entryHash();
            }
            assertThat(wallets.find(wallet).orElseThrow().lastEntryHash()).isEqualTo(previous);
        }

        ChainVerifier verifier = new ChainVerifier(eventLogOf(events), entries);
        assertThat(verifier.verify(alice)).extracting(ChainVerification::valid, ChainVerification::entriesChecked)
                .containsExactly(true, 6);
        assertThat(verifier.verify(bob).valid()).isTrue();

        jdbc.update("UPDATE ledger_entry SET amount_minor = 2600 WHERE account = ? AND wallet_sequence = 2", alice.toString());
        ChainVerification tampered = verifier.verify(alice);
        assertThat(tampered.valid()).isFalse();
        assertThat(tampered.firstDifference())
                .extracting(ChainVerification.Difference::walletSequence, ChainVerification.Difference::field,
                        ChainVerification.Difference::expected, ChainVerification.Difference::stored)
                .containsExactly(2L, "amount_minor", "2500", "2600");
    }

    @Test
    void runningBalancesFollowEveryPostingAndEndAtTheWalletsBalance() {
        runner.deliverOneByOne(history());

        for (UUID wallet : List.of(alice, bob)) {
            long balance = 0;
            long lastSequence = 0;
            for (LedgerEntryRow entry : walletChain(wallet)) {
                balance += Direction.valueOf(entry.direction()).signed(entry.amountMinor());
                assertThat(entry.balanceAfterMinor()).as("balance after %s", entry.walletSequence()).isEqualTo(balance);
                assertThat(entry.walletSequence()).isGreaterThan(lastSequence);
                lastSequence = entry.walletSequence();
            }
            assertThat(wallets.find(wallet).orElseThrow().balanceMinor()).isEqualTo(balance);
        }
        assertThat(entries.walletsNotMatchingEntries()).isZero();
    }

    @Test
    void anEventAfterAMissingOneOfItsWalletIsRefusedAndItsBatchWritesNothing() {
        List<TrackedEventMessage<?>> events = history();
        runner.deliver(events.subList(0, 2));
        Map<String, List<Map<String, Object>>> before = rows();

        // Alice's sequence 2 (the transfer's debit) is skipped: across batches, then inside one.
        List<TrackedEventMessage<?>> skipping = List.of(events.get(2), events.get(5));
        assertThatThrownBy(() -> runner.deliver(skipping))
                .isInstanceOf(LedgerProjection.MissingWalletEventException.class)
                .hasMessageContaining("event 3 arrived but event 2 has not been projected");
        assertThatThrownBy(() -> runner.deliver(List.of(events.get(2), events.get(3), events.get(6))))
                .isInstanceOf(LedgerProjection.MissingWalletEventException.class)
                .hasMessageContaining("event 4 arrived but event 3 has not been projected");
        assertThat(rows()).isEqualTo(before);

        runner.deliver(events.subList(2, events.size()));
        assertThat(wallets.find(alice).orElseThrow().version()).isEqualTo(5);
    }

    @Test
    void redeliveredEventsChangeNoRow() {
        List<TrackedEventMessage<?>> events = history();
        runner.deliver(events);
        Map<String, List<Map<String, Object>>> once = rows();

        runner.deliver(events);
        assertThat(rows()).isEqualTo(once);

        // A processor that rolled back part of its work delivers the tail again, with events it had not seen.
        ProjectionDatabase.truncateAll();
        runner.deliver(events.subList(0, 5));
        runner.deliver(events.subList(3, events.size()));
        assertThat(rows()).isEqualTo(once);
    }

    @Test
    void aResetAndAFullReplayRebuildTheSameRowsHoweverTheEventsAreBatched() {
        List<TrackedEventMessage<?>> events = history();
        runner.deliver(events);
        Map<String, List<Map<String, Object>>> live = rows();

        runner.reset();
        assertThat(rows()).allSatisfy((table, stored) -> assertThat(stored).as(table).isEmpty());
        runner.deliverOneByOne(events);
        assertThat(rows()).isEqualTo(live);
    }

    @Test
    void anEventThatFilledAGapKeepsItsOwnPositionInTheStream() {
        List<TrackedEventMessage<?>> events = history();
        TrackedEventMessage<?> deposit = events.get(1);
        // Committed late: the token that delivers it carries a later position than the event's own.
        jdbc.update("""
                        INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier,
                                                        sequence_number, time_stamp, payload_type, payload)
                        VALUES (0, ?, ?, 1, '2026-03-01T08:00:00Z', 'WalletCreditedEvent', '\\x00'::bytea)""",
                deposit.getIdentifier(), alice.toString());

        runner.deliver(events);

        assertThat(walletChain(alice).getFirst().eventPosition()).isZero();
        assertThat(entries.ofTransaction(((WalletCreditedEvent) deposit.getPayload()).transactionId(), 10))
                .extracting(LedgerEntryRow::eventPosition).containsExactly(0L, 0L);
    }

    private TrackedEventMessage<?> wallet(UUID walletId, Object payload) {
        return runner.event("Wallet", walletId, payload);
    }

    private static Money kes(long minor) {
        return Money.of(minor, KES);
    }

    /** An event's time as PostgreSQL stores it: rounded to the microsecond. */
    private static Instant stored(TrackedEventMessage<?> event) {
        return event.getTimestamp().plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * The posting a stored row says it is, to recompute its hash from what is stored. A contra row keeps no wallet
     * sequence, but its hash covers the one of its event, so it is given.
     */
    private static LedgerPosting posting(LedgerEntryRow row, long walletSequence) {
        return new LedgerPosting(row.account(), row.isWallet(), row.currency(), row.transactionId(), row.kind(),
                Direction.valueOf(row.direction()), row.amountMinor(), row.balanceAfterMinor(), row.contraAccount(),
                row.occurredAt(), row.eventId(), row.postingIndex(), walletSequence);
    }

    private WalletEventLog eventLogOf(List<TrackedEventMessage<?>> events) {
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        List<DomainEventMessage<?>> stored = new ArrayList<>();
        for (TrackedEventMessage<?> event : events) {
            stored.add((DomainEventMessage<?>) event);
        }
        store.publish(stored);
        return new WalletEventLog(store);
    }

    /** Both tables, every column but the surrogate entry id, in a fixed order. */
    private Map<String, List<Map<String, Object>>> rows() {
        return Map.of(
                "ledger_entry", jdbc.queryForList("""
                        SELECT account, is_wallet, currency, transaction_id, kind, direction, amount_minor,
                               balance_after_minor, contra_account, occurred_at, event_id, event_position,
                               posting_index, wallet_sequence, entry_hash
                        FROM ledger_entry ORDER BY event_position, posting_index"""),
                "wallet_view", jdbc.queryForList("SELECT * FROM wallet_view ORDER BY wallet_id"));
    }

    /** The wallet's own entries, in the wallet's order (a chain without contra sides). */
    private List<LedgerEntryRow> walletChain(UUID walletId) {
        return entries.chainOf(walletId, List.of());
    }
}
