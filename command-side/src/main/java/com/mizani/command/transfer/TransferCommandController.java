package com.mizani.command.transfer;

import com.mizani.command.support.ApiLimits;
import com.mizani.command.support.IdempotentRequest;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.Refuses;
import com.mizani.kernel.identity.Caller;
import com.mizani.kernel.transfer.TransferOutcome;
import com.mizani.kernel.transfer.TransferView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Accepts transfers. The answer is the final outcome (201) when it is ready within a short wait, and 202 with
 * a Location to poll otherwise, or at once when the client sends {@code Prefer: respond-async}. A transfer the
 * source refused answers with the refusal's problem (422 INSUFFICIENT_FUNDS, say), and so does a repeat of it.
 */
@RestController
@RequestMapping("/api/v1/transfers")
@Tag(name = "Transfers")
public class TransferCommandController {

    private final TransferGroupCommit transfers;
    private final ApiLimits limits;

    public TransferCommandController(TransferGroupCommit transfers, ApiLimits limits) {
        this.transfers = transfers;
        this.limits = limits;
    }

    public record TransferRequest(
            @Schema(description = "The wallet debited. A customer token may only name its own.",
                    requiredMode = Schema.RequiredMode.REQUIRED) String sourceWalletId,
            @Schema(description = "The wallet credited, any owner's; not the source.",
                    requiredMode = Schema.RequiredMode.REQUIRED) String destinationWalletId,
            @Schema(description = "How much, a positive decimal string in major units.",
                    requiredMode = Schema.RequiredMode.REQUIRED) String amount,
            @Schema(description = "The amount's currency. Without fxQuoteId both wallets must hold it; with it, it "
                    + "is the source wallet's and the quote's fromCurrency.",
                    requiredMode = Schema.RequiredMode.REQUIRED) String currency,
            @Schema(description = "An ACTIVE FX quote of this caller (POST /fx/quotes) to convert on: the source "
                    + "wallet is in its fromCurrency, the destination in its toCurrency, and amount is its "
                    + "fromAmount. The quote is used up with the transfer, in one transaction. Omit it for a "
                    + "transfer within one currency.", format = "uuid") String fxQuoteId) {

        /** A transfer within one currency. */
        public TransferRequest(String sourceWalletId, String destinationWalletId, String amount, String currency) {
            this(sourceWalletId, destinationWalletId, amount, currency, null);
        }
    }

    @Operation(operationId = "createTransfer", summary = "Transfer money between wallets",
            description = "Moves an amount from one wallet to another of the same currency. When the outcome is "
                    + "ready within a short wait (mizani.api.transfer-wait-ms, 2 s) the answer is 201 with the final "
                    + "status: COMPLETED, or FAILED when the destination refused and the source was refunded; a "
                    + "source that refuses (INSUFFICIENT_FUNDS, frozen...) answers its refusal with the transfer id "
                    + "and moves nothing. Otherwise, or at once with Prefer: respond-async, 202 with the transfer "
                    + "REQUESTED and a Location to poll; a 202 means not done yet, not stored. A service's call, or a "
                    + "customer's from its own wallet to any wallet. The Idempotency-Key makes it one transfer: a "
                    + "repeat with the same body answers its outcome (carrying it out once, if it was never done), "
                    + "another body under the same key is a conflict. With fxQuoteId the transfer converts on that "
                    + "quote (docs/fx.md): amount and currency are the quote's fromAmount and fromCurrency, the "
                    + "destination receives its toAmount, and the quote is used up in the same transaction; an "
                    + "expired quote answers 410 QUOTE_EXPIRED, a used one 409 QUOTE_USED, other currencies, another "
                    + "amount or another principal's quote 422 QUOTE_MISMATCH, and nothing moves.")
    @ApiResponse(responseCode = "201", description = "The transfer's final outcome, COMPLETED or FAILED.",
            useReturnTypeSchema = true)
    @ApiResponse(responseCode = "202", description = "Not done yet (or respond-async was asked for): the transfer "
            + "REQUESTED; poll the Location or repeat the request with its key.", useReturnTypeSchema = true)
    @Refuses({
            ErrorCode.INVALID_AMOUNT, ErrorCode.AMOUNT_OUT_OF_RANGE, ErrorCode.UNKNOWN_CURRENCY,
            ErrorCode.IDEMPOTENCY_KEY_MISSING, ErrorCode.IDEMPOTENCY_KEY_INVALID, ErrorCode.SAME_WALLET,
            ErrorCode.IDEMPOTENCY_KEY_REUSED, ErrorCode.CONCURRENT_MODIFICATION, ErrorCode.INSUFFICIENT_FUNDS,
            ErrorCode.WALLET_FROZEN, ErrorCode.WALLET_CLOSED, ErrorCode.CURRENCY_MISMATCH,
            ErrorCode.BALANCE_LIMIT_EXCEEDED, ErrorCode.INVALID_ID, ErrorCode.WALLET_NOT_FOUND,
            ErrorCode.QUOTE_NOT_FOUND, ErrorCode.QUOTE_EXPIRED, ErrorCode.QUOTE_USED, ErrorCode.QUOTE_MISMATCH
    })
    @PostMapping
    public ResponseEntity<TransferView> transfer(@io.swagger.v3.oas.annotations.parameters.RequestBody(
                                                         description = "The two wallets and the amount.",
                                                         required = true)
                                                 @RequestBody TransferRequest request,
                                                 @RequestHeader(name = IdempotentRequest.KEY_HEADER, required = false) String key,
                                                 Caller caller,
                                                 @RequestHeader(name = "Prefer", required = false) String prefer) throws InterruptedException {
        TransferOrder order = TransferOrder.of(IdempotentRequest.of(caller, key), caller, request, limits.maxAmountMinor());
        CompletableFuture<TransferOutcome> execution = transfers.submit(order.command());
        long waitMs = prefer != null && prefer.contains("respond-async") ? 0 : limits.transferWaitMs();
        try {
            TransferView finished = TransferOrder.finished(execution.get(waitMs, TimeUnit.MILLISECONDS));
            return ResponseEntity.created(order.location()).body(finished);
        } catch (TimeoutException stillRunning) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).location(order.location()).body(order.requested());
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(failed.getCause());
        }
    }
}
