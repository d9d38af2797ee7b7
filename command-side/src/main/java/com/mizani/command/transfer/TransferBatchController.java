package com.mizani.command.transfer;

import com.mizani.command.support.ApiLimits;
import com.mizani.command.support.IdempotentRequest;
import com.mizani.command.support.Problems;
import com.mizani.command.transfer.TransferCommandController.TransferRequest;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.error.Refuses;
import com.mizani.kernel.identity.Caller;
import com.mizani.kernel.transfer.TransferOutcome;
import com.mizani.kernel.transfer.TransferStatus;
import com.mizani.kernel.transfer.TransferView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Accepts many transfers in one request, for services that move money in bulk. Each item is a transfer of the single
 * endpoint: checked by its rules, carried out by the same command under the id the same key would have there, and
 * answered with the status and body that endpoint would have answered. So an item and a single transfer under one key
 * are one transfer, and a repeated batch moves nothing twice. Only the envelope can refuse the whole batch (no items,
 * too many, two under one key), and then nothing of it is carried out.
 */
@RestController
@RequestMapping("/api/v1/transfers")
@Tag(name = "Transfers")
public class TransferBatchController {

    private static final String KEY_FIELD = "idempotencyKey";

    private final TransferGroupCommit transfers;
    private final ApiLimits limits;
    private final Problems problems;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public TransferBatchController(TransferGroupCommit transfers, ApiLimits limits, Problems problems) {
        this.transfers = transfers;
        this.limits = limits;
        this.problems = problems;
    }

    public record TransferBatchRequest(
            @ArraySchema(arraySchema = @Schema(description = "The transfers, 1 to 1,000 (mizani.api.max-batch-items); "
                    + "each key at most once.", requiredMode = Schema.RequiredMode.REQUIRED))
            List<TransferBatchItem> items) {
    }

    public record TransferBatchItem(
            @Schema(description = "This transfer's idempotency key, by the rules of the Idempotency-Key header of "
                    + "POST /transfers, and the same transfer as that header's key would make: 1 to 128 visible "
                    + "ASCII characters.", minLength = 1, maxLength = 128, pattern = "^[\\x21-\\x7E]+$",
                    requiredMode = Schema.RequiredMode.REQUIRED) String idempotencyKey,
            @Schema(description = "The wallet debited.", requiredMode = Schema.RequiredMode.REQUIRED)
            String sourceWalletId,
            @Schema(description = "The wallet credited; not the source.", requiredMode = Schema.RequiredMode.REQUIRED)
            String destinationWalletId,
            @Schema(description = "How much, a positive decimal string in major units.",
                    requiredMode = Schema.RequiredMode.REQUIRED) String amount,
            @Schema(description = "The amount's currency; both wallets must hold it.",
                    requiredMode = Schema.RequiredMode.REQUIRED) String currency) {

        TransferRequest transfer() {
            return new TransferRequest(sourceWalletId, destinationWalletId, amount, currency);
        }
    }

    public record TransferBatchAnswer(
            @Schema(description = "One result per item, in the order of the request's items.") List<TransferBatchResult> results,
            @Schema(description = "How many items came to each end.") TransferBatchSummary summary) {
    }

    public record TransferBatchResult(
            @Schema(description = "The item's position in the request, from 0.") int index,
            @Schema(description = "The item's key, as it was sent (null if it had none).") String idempotencyKey,
            @Schema(description = "The status POST /transfers would have answered for this item: 201 done "
                    + "(COMPLETED or FAILED), 202 not done within the batch's wait, or the problem's status "
                    + "(400, 404, 409, 422, 503...).", example = "201") int status,
            @Schema(description = "Where the transfer can be read, with 201 and 202; null otherwise.",
                    example = "/api/v1/transfers/c4a7e2d9-5b18-4f3a-9e6c-2d8b1a7f0e53") String location,
            @Schema(description = "The transfer, with 201 and 202: what POST /transfers would have answered; "
                    + "null otherwise.") TransferView transfer,
            @Schema(description = "The problem POST /transfers would have answered, with any other status; null "
                    + "otherwise. A refusal by the source names the transfer (transferId).",
                    ref = "#/components/schemas/Problem") ProblemDetail problem) {

        static TransferBatchResult done(int index, String key, TransferOrder order, TransferView transfer) {
            return new TransferBatchResult(index, key, HttpStatus.CREATED.value(), order.location().toString(),
                    transfer, null);
        }

        static TransferBatchResult requested(int index, String key, TransferOrder order) {
            return new TransferBatchResult(index, key, HttpStatus.ACCEPTED.value(), order.location().toString(),
                    order.requested(), null);
        }

        static TransferBatchResult refused(int index, String key, ProblemDetail problem) {
            return new TransferBatchResult(index, key, problem.getStatus(), null, null, problem);
        }
    }

    public record TransferBatchSummary(
            @Schema(description = "Items in the batch.") int items,
            @Schema(description = "Items whose transfer COMPLETED (201).") int completed,
            @Schema(description = "Items whose transfer FAILED: the destination refused and the source was "
                    + "refunded (201).") int failed,
            @Schema(description = "Items answered with a problem: invalid, refused by the source, a key used for "
                    + "another transfer... (4xx), or not carried out for a fault (5xx: repeat them).") int refused,
            @Schema(description = "Items not done within the batch's wait (202): poll their location, or repeat "
                    + "them with their keys.") int requested) {

        static TransferBatchSummary of(List<TransferBatchResult> results) {
            int completed = 0;
            int failed = 0;
            int refused = 0;
            int requested = 0;
            for (TransferBatchResult result : results) {
                if (result.problem() != null) {
                    refused++;
                } else if (result.transfer().status() == TransferStatus.COMPLETED) {
                    completed++;
                } else if (result.transfer().status() == TransferStatus.FAILED) {
                    failed++;
                } else {
                    requested++;
                }
            }
            return new TransferBatchSummary(results.size(), completed, failed, refused, requested);
        }
    }

    @Operation(operationId = "createTransferBatch", summary = "Transfer money in a batch",
            description = "Carries out up to 1,000 transfers (mizani.api.max-batch-items) in one request, each with "
                    + "its own idempotency key: for services, which would otherwise send them one by one; customers "
                    + "use POST /transfers. Each item is exactly a POST /transfers with its key in the "
                    + "Idempotency-Key header: checked by the same rules, carried out by the same command, the same "
                    + "transfer as that key would make there, and answered in its result with the status and body "
                    + "that endpoint would have answered (201 with the transfer, 422 INSUFFICIENT_FUNDS, 409 "
                    + "IDEMPOTENCY_KEY_REUSED, 400 for a bad field...). An item that fails does not fail the "
                    + "others. The items run concurrently, in no particular order, and the answer waits for all of "
                    + "them, up to mizani.api.batch-wait-ms (30 s): an item not done by then is answered 202 "
                    + "REQUESTED with its location, as POST /transfers answers one. A repeat of the batch answers "
                    + "each item's recorded outcome and moves nothing twice. The whole batch is refused, and nothing "
                    + "of it carried out, only for its envelope: no items, too many, or two items under one key. "
                    + "It counts against the caller's rate limit as one request per item.")
    @ApiResponse(responseCode = "200", description = "Every item's result, in the order of the items, and how many "
            + "came to each end.", useReturnTypeSchema = true)
    @Refuses({ErrorCode.VALIDATION_FAILED, ErrorCode.BATCH_TOO_LARGE, ErrorCode.DUPLICATE_BATCH_KEY})
    @PostMapping("/batch")
    public TransferBatchAnswer transferBatch(@io.swagger.v3.oas.annotations.parameters.RequestBody(
                                                     description = "The transfers, each with its key.", required = true)
                                             @RequestBody TransferBatchRequest request,
                                             Caller caller) throws InterruptedException {
        List<TransferBatchItem> items = checked(request);
        Semaphore inFlight = new Semaphore(limits.batchParallelism(), true);
        List<Item> started = new ArrayList<>(items.size());
        for (int index = 0; index < items.size(); index++) {
            started.add(start(index, items.get(index), caller, inFlight));
        }
        awaitAll(started);
        List<TransferBatchResult> results = started.stream().map(Item::resultNow).toList();
        return new TransferBatchAnswer(results, TransferBatchSummary.of(results));
    }

    /** The envelope's items, unless the batch as a whole cannot be carried out. */
    private List<TransferBatchItem> checked(TransferBatchRequest request) {
        List<TransferBatchItem> items = request.items();
        if (items == null || items.isEmpty()) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED,
                    "items must hold 1 to " + limits.maxBatchItems() + " transfers");
        }
        if (items.size() > limits.maxBatchItems()) {
            throw new MizaniException(ErrorCode.BATCH_TOO_LARGE, "a batch holds at most " + limits.maxBatchItems()
                    + " transfers, this one " + items.size() + ": split it");
        }
        Map<String, Integer> firstWithKey = new HashMap<>();
        for (int index = 0; index < items.size(); index++) {
            TransferBatchItem item = items.get(index);
            if (item == null) {
                throw new MizaniException(ErrorCode.VALIDATION_FAILED, "items[" + index + "] is not a transfer");
            }
            String key = item.idempotencyKey();
            Integer first = key == null || key.isEmpty() ? null : firstWithKey.putIfAbsent(key, index);
            if (first != null) {
                throw new MizaniException(ErrorCode.DUPLICATE_BATCH_KEY, "items " + first + " and " + index
                        + " have the same idempotencyKey; each transfer of a batch needs a key of its own");
            }
        }
        return items;
    }

    /** Checks the item and, if it is a transfer, sets it going. */
    private Item start(int index, TransferBatchItem item, Caller caller, Semaphore inFlight) {
        String key = item.idempotencyKey();
        TransferOrder order;
        try {
            order = TransferOrder.of(IdempotentRequest.ofField(caller, KEY_FIELD, key), caller, item.transfer(),
                    limits.maxAmountMinor());
        } catch (MizaniException invalid) {
            return new Item(index, key, null,
                    CompletableFuture.completedFuture(TransferBatchResult.refused(index, key, problems.problemOf(invalid))));
        }
        return new Item(index, key, order, CompletableFuture.supplyAsync(() -> carryOut(index, key, order, inFlight), executor));
    }

    private TransferBatchResult carryOut(int index, String key, TransferOrder order, Semaphore inFlight) {
        inFlight.acquireUninterruptibly();
        try {
            TransferOutcome outcome = transfers.carryOut(order.command());
            return TransferBatchResult.done(index, key, order, TransferOrder.finished(outcome));
        } catch (MizaniException refused) {
            // A refusal (the source's, a key used for another transfer) is the item's result, never the batch's answer;
            // caught on its own so that the reference's reading of what the batch answers (ReachableRefusals) stops here.
            return TransferBatchResult.refused(index, key, problems.problemOf(refused));
        } catch (RuntimeException failed) {
            // A fault on the way (the database, a race lost past every retry): its problem, as POST /transfers's.
            return TransferBatchResult.refused(index, key, problems.problemOf(failed));
        } finally {
            inFlight.release();
        }
    }

    /** Waits for every item, up to the batch's bound; those still running go on, and are answered as REQUESTED. */
    private void awaitAll(List<Item> started) throws InterruptedException {
        CompletableFuture<?>[] results = started.stream().map(Item::result).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(results).get(limits.batchWaitMs(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException notAllDone) {
            // Each item's own state says which: resultNow() answers the ones without a result as REQUESTED.
        }
    }

    /** One item of the batch: its order once it passed the checks, and its result once it has one. */
    private record Item(int index, String key, TransferOrder order, CompletableFuture<TransferBatchResult> result) {

        /** Its result; an item still running (or one whose outcome is not known) is REQUESTED, as a 202 says. */
        TransferBatchResult resultNow() {
            return result.state() == Future.State.SUCCESS
                    ? result.resultNow() : TransferBatchResult.requested(index, key, order);
        }
    }
}
