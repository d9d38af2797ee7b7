package com.mizani.query.history;

import com.mizani.query.ledger.LedgerEntryRepository;
import com.mizani.query.ledger.LedgerEntryRow;
import com.mizani.query.ledger.LedgerPosting;
import com.mizani.query.ledger.WalletMovement;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Recomputes a wallet's ledger entries and their hash chain from its events and compares them, field by field, with
 * what {@code ledger_entry} holds: both sides of every posting, in the wallet's order. Any changed, missing or
 * added entry, or a hash that no longer matches, is reported at the first place it occurs.
 */
@Component
public class ChainVerifier {

    private final WalletEventLog eventLog;
    private final LedgerEntryRepository entries;

    public ChainVerifier(WalletEventLog eventLog, LedgerEntryRepository entries) {
        this.eventLog = eventLog;
        this.entries = entries;
    }

    /**
     * The ledger projection follows the events a moment behind (about half a second): entries missing only at the
     * chain's end, right after a movement, are most likely not projected yet. They are looked for again, for this
     * long, before they are reported missing; a gap anywhere else, or a changed entry, is reported at once.
     */
    private static final Duration PROJECTION_CATCH_UP = Duration.ofSeconds(5);
    private static final long CATCH_UP_PAUSE_MS = 100;

    public ChainVerification verify(UUID walletId) {
        long deadline = System.nanoTime() + PROJECTION_CATCH_UP.toNanos();
        while (true) {
            Attempt attempt = verifyOnce(walletId);
            if (!attempt.onlyTheTailIsMissing() || System.nanoTime() > deadline) {
                return attempt.verification();
            }
            try {
                Thread.sleep(CATCH_UP_PAUSE_MS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return attempt.verification();
            }
        }
    }

    /** One comparison; {@code onlyTheTailIsMissing} when the entries it lacks are all after the last it has. */
    private record Attempt(ChainVerification verification, boolean onlyTheTailIsMissing) {
    }

    private Attempt verifyOnce(UUID walletId) {
        List<LedgerPosting> expected = new ArrayList<>();
        for (DomainEventMessage<?> event : eventLog.eventsOf(walletId)) {
            WalletMovement.of(event.getPayload()).ifPresent(movement -> expected.addAll(LedgerPosting.pairOf(
                    movement, event.getIdentifier(), event.getSequenceNumber(), event.getTimestamp())));
        }
        Map<String, LedgerEntryRow> stored = storedEntries(walletId, expected);
        String previous = LedgerPosting.GENESIS;
        String walletHash = previous;
        int checked = 0;
        for (int index = 0; index < expected.size(); index++) {
            LedgerPosting posting = expected.get(index);
            String hash = posting.isWallet() ? posting.hash(previous) : posting.hash(walletHash);
            LedgerEntryRow row = stored.remove(key(posting.eventId(), posting.postingIndex()));
            ChainVerification.Difference difference = compare(posting, hash, row);
            if (difference != null) {
                // Every stored row up to here matched, and none is left: nothing after this entry is stored either.
                boolean tail = row == null && stored.isEmpty();
                return new Attempt(ChainVerification.broken(walletId, checked, difference), tail);
            }
            if (posting.isWallet()) {
                walletHash = hash;
                previous = hash;
            }
            checked++;
        }
        if (!stored.isEmpty()) {
            LedgerEntryRow unexpected = stored.values().iterator().next();
            return new Attempt(ChainVerification.broken(walletId, checked, new ChainVerification.Difference(
                    unexpected.walletSequence() == null ? -1 : unexpected.walletSequence(), unexpected.eventId(),
                    unexpected.account(), unexpected.postingIndex(), "unexpected", null, unexpected.entryHash())),
                    false);
        }
        return new Attempt(ChainVerification.valid(walletId, checked), false);
    }

    /** The wallet's own rows, and the contra rows of its events (found through their event ids). */
    private Map<String, LedgerEntryRow> storedEntries(UUID walletId, List<LedgerPosting> expected) {
        Map<String, LedgerEntryRow> rows = new LinkedHashMap<>();
        List<String> eventIds = expected.stream().map(LedgerPosting::eventId).distinct().toList();
        entries.chainOf(walletId, eventIds).forEach(row -> rows.put(key(row.eventId(), row.postingIndex()), row));
        return rows;
    }

    /** A stored row's key: its event and side. */
    private static String key(String eventId, int postingIndex) {
        return eventId + "/" + postingIndex;
    }

    private static ChainVerification.Difference compare(LedgerPosting expected, String hash, LedgerEntryRow row) {
        if (row == null) {
            return difference(expected, "missing", hash, null);
        }
        Map<String, Object[]> fields = new LinkedHashMap<>();
        fields.put("account", new Object[]{expected.account(), row.account()});
        fields.put("currency", new Object[]{expected.currency(), row.currency()});
        fields.put("transaction_id", new Object[]{expected.transactionId(), row.transactionId()});
        fields.put("kind", new Object[]{expected.kind(), row.kind()});
        fields.put("direction", new Object[]{expected.direction().name(), row.direction()});
        fields.put("amount_minor", new Object[]{expected.amountMinor(), row.amountMinor()});
        fields.put("balance_after_minor", new Object[]{expected.balanceAfterMinor(), row.balanceAfterMinor()});
        fields.put("contra_account", new Object[]{expected.contraAccount(), row.contraAccount()});
        fields.put("occurred_at", new Object[]{expected.occurredAt(), row.occurredAt()});
        fields.put("wallet_sequence", new Object[]{expected.isWallet() ? expected.walletSequence() : null,
                row.walletSequence()});
        fields.put("fx_quote_id", new Object[]{expected.fxQuoteId(), row.fxQuoteId()});
        fields.put("fx_rate", new Object[]{expected.fxRate(), row.fxRate()});
        fields.put("entry_hash", new Object[]{hash, row.entryHash()});
        for (Map.Entry<String, Object[]> field : fields.entrySet()) {
            Object want = field.getValue()[0];
            Object have = field.getValue()[1];
            if (!Objects.equals(want, have)) {
                return difference(expected, field.getKey(), String.valueOf(want), String.valueOf(have));
            }
        }
        return null;
    }

    private static ChainVerification.Difference difference(LedgerPosting posting, String field, String expected,
                                                           String stored) {
        return new ChainVerification.Difference(posting.walletSequence(), posting.eventId(), posting.account(),
                posting.postingIndex(), field, expected, stored);
    }
}
