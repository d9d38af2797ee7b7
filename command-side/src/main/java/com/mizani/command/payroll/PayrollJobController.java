package com.mizani.command.payroll;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mizani.command.payment.PaymentSettings;
import com.mizani.command.support.ApiLimits;
import com.mizani.command.support.CommandSender;
import com.mizani.command.support.DecisionFields;
import com.mizani.command.support.IdempotentRequest;
import com.mizani.command.support.RequestFields;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.error.Refuses;
import com.mizani.kernel.identity.Caller;
import com.mizani.kernel.idempotency.IdempotencyKeys;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.payroll.ApprovePayrollJobCommand;
import com.mizani.kernel.payroll.CancelPayrollJobCommand;
import com.mizani.kernel.payroll.CreatePayrollJobCommand;
import com.mizani.kernel.payroll.PayrollItem;
import com.mizani.kernel.payroll.PayrollJobOutcome;
import com.mizani.kernel.payroll.PayrollJobStatus;
import com.mizani.kernel.payroll.RejectPayrollJobCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Payroll jobs: a service sends many payments from one wallet at once (201, PENDING_APPROVAL, nothing moves), an
 * approver other than the creator releases them (the source reserves the whole total and fees) or rejects them, and
 * the runner pays them in batches ({@code PayrollRunner}). Reads are on the query side ({@code GET /api/v1/payroll/jobs/{id}}).
 */
@RestController
@RequestMapping("/api/v1/payroll/jobs")
@Tag(name = "Payroll")
public class PayrollJobController {

    public static final String CSV = "text/csv";
    private static final int MAX_NAME_LENGTH = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CommandSender commands;
    private final ApiLimits limits;
    private final PayrollSettings settings;
    private final PaymentSettings payments;

    public PayrollJobController(CommandSender commands, ApiLimits limits, PayrollSettings settings,
                                PaymentSettings payments) {
        this.commands = commands;
        this.limits = limits;
        this.settings = settings;
        this.payments = payments;
    }

    /** The body of a job sent as JSON; as CSV the same items come one a line under a header, and the rest as parameters. */
    public record PayrollJobRequest(
            @Schema(description = "The wallet every item is paid from; it must exist, hold the items' currency and "
                    + "not be closed.", requiredMode = Schema.RequiredMode.REQUIRED) String sourceWalletId,
            @Schema(description = "What the job is, for people: 1 to 200 characters.", maxLength = MAX_NAME_LENGTH,
                    requiredMode = Schema.RequiredMode.REQUIRED) String name,
            @ArraySchema(arraySchema = @Schema(description = "The payments, 1 to 100,000 (mizani.payroll.max-items), "
                    + "each reference at most once.", requiredMode = Schema.RequiredMode.REQUIRED))
            List<PayrollItemRequest> items) {
    }

    public record PayrollItemRequest(
            @Schema(description = "The payer's reference of the line (an employee number, say): 1 to 64 printable "
                    + "characters, unique within the job.", maxLength = PayrollItem.MAX_REFERENCE_LENGTH,
                    requiredMode = Schema.RequiredMode.REQUIRED) String reference,
            @Schema(description = "How much, a positive decimal string in major units, at most "
                    + "mizani.api.max-amount-minor.", requiredMode = Schema.RequiredMode.REQUIRED) String amount,
            @Schema(description = "The amount's currency: every item's is the same, the source's.",
                    requiredMode = Schema.RequiredMode.REQUIRED) String currency,
            @Schema(description = "The wallet paid; exactly one of walletId and msisdn.") String walletId,
            @Schema(description = "An M-Pesa number (2547XXXXXXXX) paid by a B2C payout, whole KES only, with the "
                    + "withdrawal fee on top (mizani.payments.withdrawal-fee-minor); exactly one of walletId and "
                    + "msisdn.") String msisdn) {
    }

    public record PayrollJobAnswer(
            @Schema(description = "The job; the same for a repeat of the request under the same key.") UUID jobId,
            @Schema(description = "Where the job is now.") PayrollJobStatus status,
            @Schema(description = "How many items it holds.") int totalItems,
            @Schema(description = "The sum of its items, a decimal string in major units.", example = "125000.00")
            String totalAmount,
            @Schema(description = "The M-Pesa items' withdrawal fees together, a decimal string in major units; "
                    + "approval reserves totalAmount plus these.", example = "150.00") String totalFees,
            @Schema(description = "The items' currency.", example = "KES") String currency,
            @Schema(description = "Items paid or failed so far (an M-Pesa item once its payout settled or failed).")
            int processedItems) {

        static PayrollJobAnswer of(PayrollJobOutcome outcome) {
            return new PayrollJobAnswer(outcome.jobId(), outcome.status(), outcome.totalItems(),
                    outcome.total().toDecimalString(), outcome.fees().toDecimalString(),
                    outcome.total().currency().name(), outcome.succeededItems() + outcome.failedItems());
        }
    }

    /** @param reason why it is rejected (required for a rejection, otherwise ignored) */
    public record PayrollJobDecision(
            @Schema(description = "Why the job is rejected: 1 to 500 characters.",
                    maxLength = DecisionFields.MAX_REASON_LENGTH) String reason) {
    }

    /** A line-by-line refusal: every bad line is in the problem's {@code errors}, and nothing was created. */
    @Operation(operationId = "createPayrollJob", summary = "Create a payroll job",
            description = "Records up to 100,000 payments (mizani.payroll.max-items) from one wallet, as JSON or as "
                    + "CSV (text/csv, UTF-8 with or without a byte order mark, header "
                    + "reference,amount,currency,walletId,msisdn; the CSV's source wallet and name are the query "
                    + "parameters sourceWalletId and name). Every line is checked before anything is accepted: a job "
                    + "with bad lines is answered 422 PAYROLL_JOB_INVALID with errors [{line, field, code}] (a JSON "
                    + "item's position from 1; a CSV record's number, the header being 1) and nothing is created. A "
                    + "valid job is PENDING_APPROVAL and moves nothing until a principal other than its creator "
                    + "approves it. The Idempotency-Key makes it one job: a repeat with the same body answers the job "
                    + "as it is now, another body under the same key is a conflict. A service's call.")
    @ApiResponse(responseCode = "201", description = "Created (or, for a repeated key, the job as it is now); "
            + "Location is the job.", useReturnTypeSchema = true)
    @Refuses({
            ErrorCode.VALIDATION_FAILED, ErrorCode.MALFORMED_REQUEST, ErrorCode.INVALID_ID, ErrorCode.AMOUNT_OUT_OF_RANGE,
            ErrorCode.IDEMPOTENCY_KEY_MISSING, ErrorCode.IDEMPOTENCY_KEY_INVALID, ErrorCode.BATCH_TOO_LARGE,
            ErrorCode.PAYROLL_CSV_INVALID, ErrorCode.PAYROLL_JOB_INVALID, ErrorCode.DUPLICATE_PAYROLL_REFERENCE,
            ErrorCode.CURRENCY_MISMATCH, ErrorCode.CURRENCY_NOT_SUPPORTED,
            ErrorCode.SAME_WALLET, ErrorCode.WALLET_NOT_FOUND, ErrorCode.IDEMPOTENCY_KEY_REUSED,
            ErrorCode.CONCURRENT_MODIFICATION
    })
    @PostMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, CSV})
    public ResponseEntity<PayrollJobAnswer> create(@io.swagger.v3.oas.annotations.parameters.RequestBody(
                                                           description = "The job: as JSON, or its items as CSV.",
                                                           required = true, content = {
                                                           @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                                                                   schema = @Schema(implementation = PayrollJobRequest.class)),
                                                           @Content(mediaType = CSV, schema = @Schema(type = "string",
                                                                   example = "reference,amount,currency,walletId,msisdn\r\n"
                                                                           + "EMP-001,1500.00,KES,9b2f4c1e-6d3a-4e8b-a1c7-5f0e2d9b3a64,\r\n"))})
                                                   @RequestBody byte[] body,
                                                   @Parameter(hidden = true) // The request body's own media types say it.
                                                   @RequestHeader(name = "Content-Type") String contentType,
                                                   @Parameter(description = "CSV only: the wallet paid from.",
                                                           schema = @Schema(type = "string", format = "uuid"))
                                                   @RequestParam(required = false)
                                                   String sourceWalletId,
                                                   @Parameter(description = "CSV only: what the job is, 1 to 200 characters.")
                                                   @RequestParam(required = false)
                                                   String name,
                                                   @RequestHeader(name = IdempotentRequest.KEY_HEADER, required = false) String key,
                                                   Caller caller) {
        IdempotentRequest idempotent = IdempotentRequest.of(caller, key);
        Job job = isCsv(contentType) ? csvJob(body, sourceWalletId, name) : jsonJob(body);
        List<PayrollItem> items = PayrollLines.checked(job.lines(), job.sourceWalletId(), limits.maxAmountMinor());
        Money payoutFee = Money.of(payments.withdrawalFeeMinor(), items.getFirst().amount().currency());
        Money total = totalOf(items, payoutFee);
        UUID jobId = idempotent.idFor("payroll-job");
        PayrollJobOutcome outcome = commands.send(new CreatePayrollJobCommand(jobId, job.sourceWalletId(), job.name(),
                items, total, payoutFee, caller.principal(), fingerprint(job.sourceWalletId(), job.name(), items)));
        return ResponseEntity.created(URI.create("/api/v1/payroll/jobs/" + jobId)).body(PayrollJobAnswer.of(outcome));
    }

    /**
     * 200 with the job RUNNING once the source has reserved its total; 422 with the source's code
     * (INSUFFICIENT_FUNDS, WALLET_FROZEN...) when it could not, and then nothing moved and the job still waits.
     */
    @Operation(operationId = "approvePayrollJob", summary = "Approve a payroll job",
            description = "Releases a job waiting for approval: in one transaction the source wallet reserves the "
                    + "job's whole total and its M-Pesa items' fees, and the job becomes RUNNING; its items are then "
                    + "paid in batches from that reservation. A source that cannot reserve it (INSUFFICIENT_FUNDS, "
                    + "WALLET_FROZEN...) refuses the approval: nothing moves and the job stays PENDING_APPROVAL. An approver's call, and never "
                    + "the creator's. The approver repeating its approval gets the job as it is.")
    @Refuses({
            ErrorCode.PROPOSER_CANNOT_DECIDE, ErrorCode.PAYROLL_JOB_NOT_FOUND, ErrorCode.PAYROLL_JOB_NOT_PENDING,
            ErrorCode.CONCURRENT_MODIFICATION, ErrorCode.INSUFFICIENT_FUNDS, ErrorCode.WALLET_FROZEN,
            ErrorCode.WALLET_CLOSED, ErrorCode.WALLET_NOT_FOUND, ErrorCode.CURRENCY_MISMATCH
    })
    @PostMapping("/{jobId}/approve")
    public PayrollJobAnswer approve(@Parameter(description = "The job to approve.",
                                            schema = @Schema(type = "string", format = "uuid"))
                                    @PathVariable UUID jobId, Caller caller) {
        PayrollJobOutcome outcome = commands.send(new ApprovePayrollJobCommand(jobId, caller.principal()));
        if (outcome.refusal() != null) {
            throw new MizaniException(outcome.refusal(), outcome.refusalReason());
        }
        return PayrollJobAnswer.of(outcome);
    }

    @Operation(operationId = "rejectPayrollJob", summary = "Reject a payroll job",
            description = "Rejects a job waiting for approval, with the reason: it is REJECTED and moves nothing, "
                    + "ever. An approver's call, and never the creator's; the rejecter repeating its rejection gets "
                    + "the job again.")
    @Refuses({
            ErrorCode.VALIDATION_FAILED, ErrorCode.PROPOSER_CANNOT_DECIDE, ErrorCode.PAYROLL_JOB_NOT_FOUND, ErrorCode.PAYROLL_JOB_NOT_PENDING, ErrorCode.CONCURRENT_MODIFICATION
    })
    @PostMapping("/{jobId}/reject")
    public PayrollJobAnswer reject(@Parameter(description = "The job to reject.",
                                           schema = @Schema(type = "string", format = "uuid"))
                                   @PathVariable UUID jobId,
                                   @io.swagger.v3.oas.annotations.parameters.RequestBody(
                                           description = "Why the job is rejected.", required = true)
                                   @RequestBody PayrollJobDecision decision, Caller caller) {
        return PayrollJobAnswer.of(commands.send(new RejectPayrollJobCommand(jobId, caller.principal(),
                DecisionFields.requiredReason(decision.reason()))));
    }

    @Operation(operationId = "cancelPayrollJob", summary = "Cancel a payroll job",
            description = "Stops a job waiting for approval or running: the items not paid yet are CANCELLED and "
                    + "what the source still reserves for them goes back to its available balance, in one "
                    + "transaction; the items paid before stay paid. A repeat answers the cancelled job again; a "
                    + "job that has finished is a conflict.")
    @Refuses({ErrorCode.PAYROLL_JOB_NOT_FOUND, ErrorCode.PAYROLL_JOB_FINISHED, ErrorCode.CONCURRENT_MODIFICATION})
    @PostMapping("/{jobId}/cancel")
    public PayrollJobAnswer cancel(@Parameter(description = "The job to cancel.",
                                           schema = @Schema(type = "string", format = "uuid"))
                                   @PathVariable UUID jobId, Caller caller) {
        return PayrollJobAnswer.of(commands.send(new CancelPayrollJobCommand(jobId, caller.principal())));
    }

    /** What the envelope says, and the lines still as text. */
    private record Job(UUID sourceWalletId, String name, List<PayrollLine> lines) {
    }

    private Job jsonJob(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException unreadable) {
            throw new MizaniException(ErrorCode.MALFORMED_REQUEST, "the request body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new MizaniException(ErrorCode.MALFORMED_REQUEST, "the request body must be a JSON object");
        }
        UUID source = RequestFields.uuid("sourceWalletId", text(root.get("sourceWalletId")));
        String name = name(text(root.get("name")));
        JsonNode items = root.get("items");
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED, "items must hold 1 to " + settings.maxItems() + " items");
        }
        requireAtMostMax(items.size());
        List<PayrollLine> lines = new ArrayList<>(items.size());
        for (int index = 0; index < items.size(); index++) {
            JsonNode item = items.get(index);
            lines.add(item.isObject()
                    ? new PayrollLine(index + 1, text(item.get("reference")), text(item.get("amount")),
                    text(item.get("currency")), text(item.get("walletId")), text(item.get("msisdn")))
                    : new PayrollLine(index + 1, null, null, null, null, null));
        }
        return new Job(source, name, lines);
    }

    private Job csvJob(byte[] body, String sourceWalletId, String name) {
        UUID source = RequestFields.uuid("sourceWalletId", sourceWalletId);
        String checkedName = name(name);
        List<PayrollLine> lines = PayrollCsv.read(body, settings.maxItems());
        if (lines.isEmpty()) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED, "the CSV holds a header but no items");
        }
        return new Job(source, checkedName, lines);
    }

    private void requireAtMostMax(int items) {
        if (items > settings.maxItems()) {
            throw new MizaniException(ErrorCode.BATCH_TOO_LARGE, "a payroll job holds at most " + settings.maxItems()
                    + " items, this one " + items + ": split it");
        }
    }

    private static String name(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_NAME_LENGTH) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED, "name is required, at most " + MAX_NAME_LENGTH
                    + " characters");
        }
        return stripped;
    }

    /** A field's text: a string's value, a number's digits; null when absent, null or not a scalar. */
    private static String text(JsonNode node) {
        return node == null || node.isNull() || !node.isValueNode() ? null : node.asText();
    }

    private static boolean isCsv(String contentType) {
        try {
            return MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.parseMediaType(CSV));
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }

    /** The sum is bounded by what a wallet may hold, so no reservation of it can overflow a balance. */
    /** The items' sum; it and the M-Pesa items' fees, which are reserved with it, must fit in a wallet. */
    private static Money totalOf(List<PayrollItem> items, Money payoutFee) {
        long reserved = 0;
        long total = 0;
        for (PayrollItem item : items) {
            total += item.amount().amountMinor();
            reserved += item.amount().amountMinor() + (item.paysWallet() ? 0 : payoutFee.amountMinor());
            if (reserved > MAX_TOTAL_MINOR) {
                throw new MizaniException(ErrorCode.AMOUNT_OUT_OF_RANGE,
                        "the job's total and fees are larger than any wallet may hold: split it");
            }
        }
        return Money.of(total, items.getFirst().amount().currency());
    }

    /** A wallet's largest balance (Wallet.MAX_BALANCE_MINOR). */
    private static final long MAX_TOTAL_MINOR = 1_000_000_000_000_000L;

    private static String fingerprint(UUID source, String name, List<PayrollItem> items) {
        Object[] fields = new Object[2 + items.size() * 5];
        fields[0] = source;
        fields[1] = name;
        int at = 2;
        for (PayrollItem item : items) {
            fields[at++] = item.reference();
            fields[at++] = item.amount().amountMinor();
            fields[at++] = item.amount().currency();
            fields[at++] = item.walletId();
            fields[at++] = item.msisdn() == null ? null : item.msisdn().value();
        }
        return IdempotencyKeys.fingerprint(fields);
    }
}
