package com.mizani.query.ledger;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code ledger_entry} as stored (its surrogate {@code entry_id} aside, which nothing reads). Columns keep
 * their stored types, text as text: checks read rows that may have been altered behind the application's back and
 * must still report them, whatever a column holds.
 *
 * @param balanceAfterMinor the wallet's running balance; null on a system account's side
 * @param walletSequence    the wallet's event sequence; null on a system account's side
 * @param fxQuoteId         the quote of a conversion's leg, with its rate {@code fxRate}; null otherwise
 */
public record LedgerEntryRow(String account, boolean isWallet, String currency, UUID transactionId, String kind,
                             String direction, long amountMinor, Long balanceAfterMinor, String contraAccount,
                             Instant occurredAt, String eventId, long eventPosition, int postingIndex,
                             Long walletSequence, String entryHash, UUID fxQuoteId, String fxRate) {

    /** The row of a posting, at its event's position in the global stream, with its hash in the chain. */
    public static LedgerEntryRow of(LedgerPosting posting, long eventPosition, String entryHash) {
        return new LedgerEntryRow(posting.account(), posting.isWallet(), posting.currency(), posting.transactionId(),
                posting.kind(), posting.direction().name(), posting.amountMinor(), posting.balanceAfterMinor(),
                posting.contraAccount(), posting.occurredAt(), posting.eventId(), eventPosition,
                posting.postingIndex(), posting.isWallet() ? posting.walletSequence() : null, entryHash,
                posting.fxQuoteId(), posting.fxRate());
    }
}
