package com.mizani.query.statement;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.wallet.WalletView;
import com.mizani.query.ledger.LedgerEntryRepository;
import com.mizani.query.ledger.LedgerEntryRow;
import com.mizani.query.support.Instants;
import com.mizani.query.wallet.WalletQueryController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A wallet statement for a period [from, to): the opening balance, every entry in order, and the closing balance,
 * as JSON or (with {@code format=csv}) as CSV. A statement is all or nothing, so instead of paging it refuses a
 * period with more than {@link #MAX_ENTRIES} entries and asks for a shorter one.
 */
@RestController
public class StatementController {

    static final int MAX_ENTRIES = 10_000;

    private final LedgerEntryRepository entries;
    private final WalletQueryController wallets;

    public StatementController(LedgerEntryRepository entries, WalletQueryController wallets) {
        this.entries = entries;
        this.wallets = wallets;
    }

    public record StatementLine(long sequence, Instant occurredAt, UUID transactionId, String kind, String direction,
                                String amount, String balanceAfter, String contraAccount) {
    }

    public record Statement(UUID walletId, String currency, Instant from, Instant to, String openingBalance,
                            List<StatementLine> entries, String closingBalance) {
    }

    @GetMapping("/api/v1/wallets/{walletId}/statement")
    public ResponseEntity<?> statement(@PathVariable UUID walletId, @RequestParam String from, @RequestParam String to,
                                       @RequestParam(required = false) String format) {
        Instant start = Instants.parse("from", from);
        Instant end = Instants.parse("to", to);
        if (!start.isBefore(end)) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED, "from must be before to");
        }
        boolean csv = "csv".equals(format);
        if (format != null && !csv && !"json".equals(format)) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED, "format must be json or csv");
        }
        WalletView wallet = wallets.wallet(walletId);
        CurrencyCode currency = CurrencyCode.valueOf(wallet.currency());
        List<StatementLine> lines = entries.walletEntriesBetween(walletId, start, end, MAX_ENTRIES + 1).stream()
                .map(entry -> new StatementLine(entry.walletSequence(), entry.occurredAt(), entry.transactionId(),
                        entry.kind(), entry.direction(), Money.format(entry.amountMinor(), currency),
                        Money.format(entry.balanceAfterMinor(), currency), entry.contraAccount()))
                .toList();
        if (lines.size() > MAX_ENTRIES) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED,
                    "the period has more than " + MAX_ENTRIES + " entries; ask for a shorter one");
        }
        long opening = balanceBefore(walletId, start);
        long closing = lines.isEmpty() ? opening : balanceBefore(walletId, end);
        Statement statement = new Statement(walletId, currency.name(), start, end, Money.format(opening, currency), lines,
                Money.format(closing, currency));
        if (csv) {
            return ResponseEntity.ok().contentType(new MediaType("text", "csv")).body(toCsv(statement));
        }
        return ResponseEntity.ok(statement);
    }

    /** The balance after the wallet's last entry strictly before the instant; zero before its first. */
    private long balanceBefore(UUID walletId, Instant instant) {
        return entries.lastWalletEntryBefore(walletId, instant).map(LedgerEntryRow::balanceAfterMinor).orElse(0L);
    }

    private static String toCsv(Statement statement) {
        StringBuilder csv = new StringBuilder("sequence,occurred_at,transaction_id,kind,direction,amount,balance_after,contra_account\n");
        csv.append(",").append(statement.from()).append(",,OPENING_BALANCE,,,").append(statement.openingBalance()).append(",\n");
        for (StatementLine line : statement.entries()) {
            csv.append(line.sequence()).append(',').append(line.occurredAt()).append(',').append(line.transactionId())
                    .append(',').append(line.kind()).append(',').append(line.direction()).append(',').append(line.amount())
                    .append(',').append(line.balanceAfter()).append(',').append(line.contraAccount()).append('\n');
        }
        csv.append(",").append(statement.to()).append(",,CLOSING_BALANCE,,,").append(statement.closingBalance()).append(",\n");
        return csv.toString();
    }
}
