package com.mizani.query.ledger;

import com.mizani.kernel.ledger.Direction;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * One posting as the events define it, and its place in the hash chain ({@link LedgerEntryRow} is the stored row).
 * <p>
 * A wallet's entries form a chain: each wallet-side entry's hash covers its content and the hash of the wallet's
 * previous entry. The contra-side entry of the same event (on a system account) is chained to that wallet-side
 * entry. System accounts are not chained among themselves on purpose: they are the contra account of every wallet,
 * written by parallel processor segments in no fixed order, so a chain of their own would serialize the whole
 * ledger projection and differ from one replay to the next. Bound into the wallets' chains, each of their entries
 * is still covered, and a replay reproduces every hash exactly.
 */
public record LedgerPosting(String account, boolean isWallet, String currency, UUID transactionId, String kind,
                            Direction direction, long amountMinor, Long balanceAfterMinor, String contraAccount,
                            Instant occurredAt, String eventId, int postingIndex, long walletSequence,
                            UUID fxQuoteId, String fxRate) {

    /** A posting in one currency: no conversion. */
    public LedgerPosting(String account, boolean isWallet, String currency, UUID transactionId, String kind,
                         Direction direction, long amountMinor, Long balanceAfterMinor, String contraAccount,
                         Instant occurredAt, String eventId, int postingIndex, long walletSequence) {
        this(account, isWallet, currency, transactionId, kind, direction, amountMinor, balanceAfterMinor,
                contraAccount, occurredAt, eventId, postingIndex, walletSequence, null, null);
    }

    /** The previous hash of a wallet's first entry. */
    public static final String GENESIS = "0".repeat(64);

    /**
     * The balanced pair one movement stands for: the wallet's side (index 0), then the contra account's opposite
     * side (index 1). Times are kept to the microsecond, as PostgreSQL stores them, so stored rows hash the same.
     */
    public static List<LedgerPosting> pairOf(WalletMovement movement, String eventId, long walletSequence,
                                             Instant occurredAt) {
        Instant at = occurredAt.truncatedTo(ChronoUnit.MICROS);
        String currency = movement.amount().currency().name();
        long amount = movement.amount().amountMinor();
        String wallet = movement.walletId().toString();
        Direction contraSide = movement.walletSide() == Direction.CREDIT ? Direction.DEBIT : Direction.CREDIT;
        UUID quote = movement.fx() == null ? null : movement.fx().quoteId();
        String rate = movement.fx() == null ? null : movement.fx().rate();
        return List.of(
                new LedgerPosting(wallet, true, currency, movement.transactionId(), movement.kind(),
                        movement.walletSide(), amount, movement.balanceAfterMinor(), movement.contraAccount(), at,
                        eventId, 0, walletSequence, quote, rate),
                new LedgerPosting(movement.contraAccount(), false, currency, movement.transactionId(), movement.kind(),
                        contraSide, amount, null, wallet, at, eventId, 1, walletSequence, quote, rate));
    }

    /**
     * SHA-256 (hex) over the previous hash and every field of this entry that the events determine. A conversion's
     * quote and rate are covered only where there is one, so the hashes of every other entry stay what they were.
     */
    public String hash(String previousHash) {
        String content = String.join("|", previousHash, account, currency, transactionId.toString(), kind,
                direction.name(), Long.toString(amountMinor), balanceAfterMinor == null ? "" : balanceAfterMinor.toString(),
                contraAccount, occurredAt.toString(), eventId, Integer.toString(postingIndex),
                Long.toString(walletSequence));
        if (fxQuoteId != null) {
            content = String.join("|", content, fxQuoteId.toString(), fxRate);
        }
        return HexFormat.of().formatHex(sha256().digest(content.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK provides SHA-256", impossible);
        }
    }
}
