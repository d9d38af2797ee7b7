package com.mizani.command.fx;

import com.mizani.command.support.ApiLimits;
import com.mizani.command.support.CommandSender;
import com.mizani.command.support.IdempotentRequest;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.error.Refuses;
import com.mizani.kernel.fx.FxQuoteOutcome;
import com.mizani.kernel.fx.FxQuoteView;
import com.mizani.kernel.fx.FxTerms;
import com.mizani.kernel.fx.IssueFxQuoteCommand;
import com.mizani.kernel.idempotency.IdempotencyKeys;
import com.mizani.kernel.identity.Caller;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * Issues FX quotes: the current rate from the rate source, priced exactly ({@link FxPricing}) and locked for a short
 * time. The rate is fetched before the command, outside any transaction, and never reused from an earlier quote: a
 * source that is down answers 503 FX_UNAVAILABLE.
 */
@RestController
@Tag(name = "FX")
public class FxQuoteController {

    private final RateSource rates;
    private final CommandSender commands;
    private final FxQuoteSettings settings;
    private final ApiLimits limits;

    public FxQuoteController(RateSource rates, CommandSender commands, FxQuoteSettings settings, ApiLimits limits) {
        this.rates = rates;
        this.commands = commands;
        this.settings = settings;
        this.limits = limits;
    }

    public record FxQuoteRequest(
            @Schema(description = "The currency the source wallet holds and pays in.",
                    requiredMode = Schema.RequiredMode.REQUIRED) String fromCurrency,
            @Schema(description = "The currency the destination wallet holds and receives.",
                    requiredMode = Schema.RequiredMode.REQUIRED) String toCurrency,
            @Schema(description = "What leaves the source wallet, fee included, a positive decimal string in major "
                    + "units of fromCurrency. Exactly one of fromAmount and toAmount.") String fromAmount,
            @Schema(description = "What the destination wallet receives, a positive decimal string in major units of "
                    + "toCurrency. Exactly one of fromAmount and toAmount.") String toAmount) {
    }

    @Operation(operationId = "createFxQuote", summary = "Quote a currency conversion",
            description = "Prices converting fromCurrency to toCurrency at the rate source's current rate, for the "
                    + "amount leaving the source (fromAmount) or the amount the destination receives (toAmount), and "
                    + "locks that price for mizani.fx.quotes.ttl (60 s). The answer shows the rate (8 decimals), both "
                    + "amounts and the fee, which is the spread in basis points of the converted amount, in "
                    + "fromCurrency. The customer absorbs the remainder of the rounding: what it receives is rounded "
                    + "down, what it pays up (docs/fx.md). Use the quote with POST /transfers and fxQuoteId, once, "
                    + "before expiresAt. The quote is the asking principal's: another principal cannot read or use "
                    + "it. The Idempotency-Key makes it one quote: a repeat with the same body answers that quote as "
                    + "it stands now. When the rate source is down or its rate is stale the answer is 503 "
                    + "FX_UNAVAILABLE with Retry-After: Mizani never prices on an old rate.")
    @ApiResponse(responseCode = "201", description = "The quote, ACTIVE (a repeat answers it as it stands: USED or "
            + "EXPIRED later on).", useReturnTypeSchema = true)
    @Refuses({
            ErrorCode.VALIDATION_FAILED, ErrorCode.UNKNOWN_CURRENCY, ErrorCode.INVALID_AMOUNT,
            ErrorCode.AMOUNT_OUT_OF_RANGE, ErrorCode.AMOUNT_TOO_SMALL, ErrorCode.IDEMPOTENCY_KEY_MISSING,
            ErrorCode.IDEMPOTENCY_KEY_INVALID, ErrorCode.IDEMPOTENCY_KEY_REUSED, ErrorCode.CONCURRENT_MODIFICATION,
            ErrorCode.FX_PAIR_UNSUPPORTED, ErrorCode.FX_UNAVAILABLE
    })
    @PostMapping("/api/v1/fx/quotes")
    public ResponseEntity<FxQuoteView> quote(@io.swagger.v3.oas.annotations.parameters.RequestBody(
                                                     description = "The pair and one of the two amounts.",
                                                     required = true)
                                             @RequestBody FxQuoteRequest request,
                                             @RequestHeader(name = IdempotentRequest.KEY_HEADER, required = false) String key,
                                             Caller caller) {
        UUID quoteId = IdempotentRequest.of(caller, key).idFor("fx-quote");
        CurrencyCode from = CurrencyCode.parse(request.fromCurrency());
        CurrencyCode to = CurrencyCode.parse(request.toCurrency());
        if (from == to) {
            throw new MizaniException(ErrorCode.FX_PAIR_UNSUPPORTED, "a quote converts between two currencies, not "
                    + from + " to itself");
        }
        if ((request.fromAmount() == null) == (request.toAmount() == null)) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED, "give exactly one of fromAmount and toAmount");
        }
        boolean bySource = request.fromAmount() != null;
        Money asked = bySource ? Money.parsePositive(request.fromAmount(), from) : Money.parsePositive(request.toAmount(), to);
        String requestHash = IdempotencyKeys.fingerprint(from, to, bySource ? "from" : "to", asked.amountMinor());

        FxRate rate = rates.current(from, to);
        FxTerms terms = bySource
                ? FxPricing.forSource(rate, asked.amountMinor(), limits.maxAmountMinor())
                : FxPricing.forDestination(rate, asked.amountMinor(), limits.maxAmountMinor());
        Instant expiresAt = Instant.now().plus(settings.ttl());
        FxQuoteOutcome quote = commands.send(new IssueFxQuoteCommand(quoteId, caller.principal(), terms,
                rate.asOf(), rate.source(), expiresAt, requestHash));
        return ResponseEntity.created(URI.create("/api/v1/fx/quotes/" + quoteId))
                .body(FxQuoteView.of(quote, Instant.now()));
    }
}
