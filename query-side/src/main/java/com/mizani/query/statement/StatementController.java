package com.mizani.query.statement;

import com.mizani.query.ledger.LedgerProjection;
import com.mizani.kernel.consistency.ReadsProjections;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.wallet.WalletView;
import com.mizani.query.ledger.LedgerEntryRepository;
import com.mizani.query.ledger.LedgerEntryRow;
import com.mizani.query.support.Instants;
import com.mizani.query.support.JsonOrCsv;
import com.mizani.query.wallet.WalletQueryController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A wallet statement for a period [from, to): the opening balance, every entry in order, and the closing balance,
 * as JSON or CSV ({@link JsonOrCsv} chooses). A statement is all or nothing, so instead of paging it refuses a period
 * with more than {@link #MAX_ENTRIES} entries and asks for a shorter one.
 */
@RestController
@Tag(name = "Ledger")
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

    @Operation(operationId = "getWalletStatement", summary = "Get a wallet's statement for a period",
            description = "The wallet's statement for the period [from, to): the opening balance, every entry in "
                    + "order with its running balance, and the closing balance. JSON or CSV: the format parameter "
                    + "chooses, whatever the Accept header says; without it the Accept header does (JSON when it "
                    + "admits both or is absent), and one that admits neither is refused with 406. A statement is all "
                    + "or nothing: a period with more than " + MAX_ENTRIES + " entries is refused, to be asked for in "
                    + "shorter ones. Read from the ledger read model; a customer may read its own wallets' statements "
                    + "only.")
    @ApiResponse(responseCode = "200", description = "The statement, as JSON or as CSV (RFC 4180: a header, an "
            + "OPENING_BALANCE line, a line per entry, a CLOSING_BALANCE line).", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = Statement.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @ReadsProjections(LedgerProjection.PROCESSING_GROUP)
    @GetMapping("/api/v1/wallets/{walletId}/statement")
    public ResponseEntity<?> statement(@Parameter(description = "The wallet.", schema = @Schema(type = "string",
                                               format = "uuid")) @PathVariable UUID walletId,
                                       @Parameter(description = "Start of the period, included (ISO-8601, years 1 "
                                               + "to 9999); before to.", schema = @Schema(type = "string",
                                               format = "date-time")) @RequestParam String from,
                                       @Parameter(description = "End of the period, excluded (ISO-8601, years 1 to "
                                               + "9999).", schema = @Schema(type = "string", format = "date-time"))
                                       @RequestParam String to,
                                       @Parameter(description = "json or csv; wins over the Accept header.",
                                               schema = @Schema(type = "string", allowableValues = {"json", "csv"}))
                                       @RequestParam(required = false) String format, HttpServletRequest request)
            throws HttpMediaTypeNotAcceptableException {
        Instant start = Instants.parse("from", from);
        Instant end = Instants.parse("to", to);
        if (!start.isBefore(end)) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED, "from must be before to");
        }
        MediaType representation = JsonOrCsv.chosen(format, request);
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
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().contentType(representation).varyBy(HttpHeaders.ACCEPT);
        return JsonOrCsv.TEXT_CSV.equals(representation) ? ok.body(StatementCsv.of(statement)) : ok.body(statement);
    }

    /** The balance after the wallet's last entry strictly before the instant; zero before its first. */
    private long balanceBefore(UUID walletId, Instant instant) {
        return entries.lastWalletEntryBefore(walletId, instant).map(LedgerEntryRow::balanceAfterMinor).orElse(0L);
    }
}
