package com.mizani.query.fx;

import com.mizani.kernel.consistency.ReadsProjections;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.error.Refuses;
import com.mizani.kernel.fx.FxQuoteView;
import com.mizani.kernel.identity.Caller;
import com.mizani.query.transfer.TransferProjection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.UUID;

@RestController
@Tag(name = "FX")
public class FxQuoteQueryController {

    private final FxQuoteViewRepository quotes;

    public FxQuoteQueryController(FxQuoteViewRepository quotes) {
        this.quotes = quotes;
    }

    @Operation(operationId = "getFxQuote", summary = "Get an FX quote",
            description = "The quote with its rate, amounts, fee and times, and its status now: ACTIVE with the "
                    + "seconds that remain, USED with the transfer that used it, or EXPIRED (as soon as its time is "
                    + "up, even before the expiry is recorded). Only the principal the quote was issued to can read "
                    + "it; for any other it does not exist (404).")
    @Refuses({ErrorCode.QUOTE_NOT_FOUND})
    @ReadsProjections(TransferProjection.PROCESSING_GROUP)
    @GetMapping("/api/v1/fx/quotes/{quoteId}")
    public FxQuoteView quote(@Parameter(description = "The quote.", schema = @Schema(type = "string", format = "uuid"))
                             @PathVariable UUID quoteId, Caller caller) {
        return quotes.findOf(quoteId, caller.principal())
                .map(quote -> FxQuoteView.of(quote, Instant.now()))
                .orElseThrow(() -> new MizaniException(ErrorCode.QUOTE_NOT_FOUND, "quote " + quoteId + " does not exist"));
    }
}
