package com.mizani.provider.mpesa.callback;

import com.mizani.command.support.CommandSender;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.Refuses;
import com.mizani.kernel.idempotency.IdempotencyKeys;
import com.mizani.kernel.payment.ApplyProviderResultCommand;
import com.mizani.kernel.payment.ProviderResults;
import com.mizani.kernel.payment.RecordC2bConfirmationCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import java.util.UUID;

/**
 * The provider's callbacks. Each is admitted by {@link CallbackGuard} (source address, then HMAC of the raw bytes)
 * before it is parsed, then handed to the payment it names, which decides what it means. Every admitted callback
 * that names a known payment is answered 200, duplicates and late ones included, so the provider stops retrying;
 * what it changed (often nothing) is in the payment's events.
 */
@RestController
@RequestMapping(path = MpesaCallbackController.BASE, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Provider callbacks")
public class MpesaCallbackController {

    public static final String BASE = "/api/v1/providers/mpesa";
    public static final String B2C_RESULT = "/b2c/result";
    public static final String B2C_TIMEOUT = "/b2c/timeout";
    public static final String STATUS_RESULT = "/status/result";
    public static final String STATUS_TIMEOUT = "/status/timeout";
    public static final String STK_CALLBACK = "/stk/";
    public static final String C2B_CONFIRMATION = "/c2b/confirmation";
    public static final String C2B_VALIDATION = "/c2b/validation";

    private static final Map<String, Object> ACCEPTED = Map.of("ResultCode", 0, "ResultDesc", "Accepted");

    // What every callback's documentation says alike: how it is admitted, and what its answer means to the provider.
    private static final String CALLBACK_RULES = "No token: the callback is admitted only from an allowed source "
            + "address and with the HMAC of its raw body in X-Mizani-Signature, both checked before the body is "
            + "parsed; every refusal is recorded. Every admitted callback naming a known payment is answered 200, "
            + "duplicates and late ones included, so that the provider stops retrying.";
    // The body is read as raw bytes, so that its HMAC is checked before it is parsed: without a schema of its own the
    // document would call it a byte string.
    private static final String DARAJA_BODY = "The provider's message in Daraja's JSON shape (docs/provider.md lists "
            + "the fields Mizani reads), exactly as it was signed.";
    private static final String ACCEPTED_ANSWER = "Admitted and handed to the payment: {\"ResultCode\": 0, "
            + "\"ResultDesc\": \"Accepted\"}, whatever it changed (often nothing).";

    private final CallbackGuard guard;
    private final CommandSender commands;
    private final ProviderResults results;

    public MpesaCallbackController(CallbackGuard guard, CommandSender commands, ProviderResults results) {
        this.guard = guard;
        this.commands = commands;
        this.results = results;
    }

    @Operation(operationId = "receiveB2cResult", summary = "Receive a payout's result",
            description = "The provider's result of a B2C payout, naming the payment by its OriginatorConversationID: "
                    + "ResultCode 0 is paid (with receipt, amount and number), any other code not paid. The payment "
                    + "matches it against its own request: paid as asked settles it, a failure releases the "
                    + "reservation, a different amount or number sends it to MANUAL_REVIEW, and on a final payment a "
                    + "repeat is only recorded while a contradiction opens an incident. "
                    + CALLBACK_RULES)
    @ApiResponse(responseCode = "200", description = ACCEPTED_ANSWER, useReturnTypeSchema = true)
    @Refuses({
            ErrorCode.INVALID_CALLBACK, ErrorCode.CALLBACK_SIGNATURE_INVALID, ErrorCode.CALLBACK_SOURCE_FORBIDDEN,
            ErrorCode.PAYMENT_NOT_FOUND, ErrorCode.CONCURRENT_MODIFICATION
    })
    @PostMapping(B2C_RESULT)
    public Map<String, Object> b2cResult(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = DARAJA_BODY, required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object")))
            @RequestBody byte[] body,
            HttpServletRequest request,
            @SignatureHeader @RequestHeader(name = CallbackGuard.SIGNATURE_HEADER, required = false) String signature) {
        guard.admit(B2C_RESULT, request.getRemoteAddr(), body, signature);
        return apply(DarajaMessages.b2cResult(body));
    }

    @Operation(operationId = "receiveB2cTimeout", summary = "Receive a payout's queue timeout",
            description = "The provider's queue timed out on a B2C payout before it was processed. It decides "
                    + "nothing: a SUBMITTED payout becomes AMBIGUOUS, and status queries resolve it. "
                    + CALLBACK_RULES)
    @ApiResponse(responseCode = "200", description = ACCEPTED_ANSWER, useReturnTypeSchema = true)
    @Refuses({
            ErrorCode.INVALID_CALLBACK, ErrorCode.CALLBACK_SIGNATURE_INVALID, ErrorCode.CALLBACK_SOURCE_FORBIDDEN,
            ErrorCode.PAYMENT_NOT_FOUND, ErrorCode.CONCURRENT_MODIFICATION
    })
    @PostMapping(B2C_TIMEOUT)
    public Map<String, Object> b2cTimeout(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = DARAJA_BODY, required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object")))
            @RequestBody byte[] body,
            HttpServletRequest request,
            @SignatureHeader @RequestHeader(name = CallbackGuard.SIGNATURE_HEADER, required = false) String signature) {
        guard.admit(B2C_TIMEOUT, request.getRemoteAddr(), body, signature);
        return apply(DarajaMessages.b2cQueueTimeout(body));
    }

    @Operation(operationId = "receiveStatusResult", summary = "Receive a payout status query's answer",
            description = "The answer to our transaction status query about a payout: ResultCode 0 with "
                    + "TransactionStatus Completed is paid; ResultCode 404 (no such payout) fails the payout only "
                    + "after the settle window and a second such answer in a row; anything else decides nothing, and "
                    + "the next query is already scheduled. "
                    + CALLBACK_RULES)
    @ApiResponse(responseCode = "200", description = ACCEPTED_ANSWER, useReturnTypeSchema = true)
    @Refuses({
            ErrorCode.INVALID_CALLBACK, ErrorCode.CALLBACK_SIGNATURE_INVALID, ErrorCode.CALLBACK_SOURCE_FORBIDDEN,
            ErrorCode.PAYMENT_NOT_FOUND, ErrorCode.CONCURRENT_MODIFICATION
    })
    @PostMapping(STATUS_RESULT)
    public Map<String, Object> statusResult(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = DARAJA_BODY, required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object")))
            @RequestBody byte[] body,
            HttpServletRequest request,
            @SignatureHeader @RequestHeader(name = CallbackGuard.SIGNATURE_HEADER, required = false) String signature) {
        guard.admit(STATUS_RESULT, request.getRemoteAddr(), body, signature);
        return apply(DarajaMessages.statusResult(body));
    }

    /** A status query that timed out in the provider's queue decides nothing; the saga asks again. */
    @Operation(operationId = "receiveStatusTimeout", summary = "Receive a status query's queue timeout",
            description = "The provider's queue timed out on our status query. It decides nothing; the payout's "
                    + "saga asks again on its schedule. "
                    + CALLBACK_RULES)
    @ApiResponse(responseCode = "200", description = ACCEPTED_ANSWER, useReturnTypeSchema = true)
    @Refuses({
            ErrorCode.INVALID_CALLBACK, ErrorCode.CALLBACK_SIGNATURE_INVALID, ErrorCode.CALLBACK_SOURCE_FORBIDDEN,
            ErrorCode.PAYMENT_NOT_FOUND, ErrorCode.CONCURRENT_MODIFICATION
    })
    @PostMapping(STATUS_TIMEOUT)
    public Map<String, Object> statusTimeout(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = DARAJA_BODY, required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object")))
            @RequestBody byte[] body,
            HttpServletRequest request,
            @SignatureHeader @RequestHeader(name = CallbackGuard.SIGNATURE_HEADER, required = false) String signature) {
        guard.admit(STATUS_TIMEOUT, request.getRemoteAddr(), body, signature);
        return apply(DarajaMessages.b2cQueueTimeout(body));
    }

    /** Our callback URL for a push names the payment, because the STK callback body carries only the provider's ids. */
    @Operation(operationId = "receiveStkCallback", summary = "Receive an STK push deposit's result",
            description = "The result of the payment prompt of an MPESA_STK deposit, at the URL that names the "
                    + "payment (the body carries only the provider's ids): ResultCode 0 is paid and credits the "
                    + "wallet (SETTLED), any other code (1032 cancelled, 1037 phone not reached...) fails it. An "
                    + "amount or number other than ours sends the deposit to MANUAL_REVIEW instead. "
                    + CALLBACK_RULES)
    @ApiResponse(responseCode = "200", description = ACCEPTED_ANSWER, useReturnTypeSchema = true)
    @Refuses({
            ErrorCode.INVALID_CALLBACK, ErrorCode.CALLBACK_SIGNATURE_INVALID, ErrorCode.CALLBACK_SOURCE_FORBIDDEN,
            ErrorCode.PAYMENT_NOT_FOUND, ErrorCode.CONCURRENT_MODIFICATION
    })
    @PostMapping(STK_CALLBACK + "{paymentId}")
    public Map<String, Object> stkCallback(
            @Parameter(description = "The deposit's payment id, from the CallBackURL Mizani sent with the push.",
                    schema = @Schema(type = "string", format = "uuid"))
            @PathVariable UUID paymentId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = DARAJA_BODY, required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object")))
            @RequestBody byte[] body,
            HttpServletRequest request,
            @SignatureHeader @RequestHeader(name = CallbackGuard.SIGNATURE_HEADER, required = false) String signature) {
        guard.admit(STK_CALLBACK, request.getRemoteAddr(), body, signature);
        results.apply(new ApplyProviderResultCommand(paymentId, DarajaMessages.stkCallback(body)));
        return ACCEPTED;
    }

    /** Keyed by TransID: a replayed confirmation finds the payment the first one created. */
    @Operation(operationId = "receiveC2bConfirmation", summary = "Receive a pay-bill payment's confirmation",
            description = "The provider's confirmation of a pay-bill (C2B) payment a customer made from the phone. "
                    + "The payment id is derived from the TransID, so a repeated confirmation finds the first one's "
                    + "payment and credits nothing again. The BillRefNumber names the wallet to credit; one that names "
                    + "no wallet, or a wallet that refuses, is parked in MANUAL_REVIEW for operators, never lost. "
                    + CALLBACK_RULES)
    @ApiResponse(responseCode = "200", description = ACCEPTED_ANSWER, useReturnTypeSchema = true)
    @Refuses({
            ErrorCode.INVALID_CALLBACK, ErrorCode.CALLBACK_SIGNATURE_INVALID, ErrorCode.CALLBACK_SOURCE_FORBIDDEN,
            ErrorCode.CONCURRENT_MODIFICATION
    })
    @PostMapping(C2B_CONFIRMATION)
    public Map<String, Object> c2bConfirmation(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = DARAJA_BODY, required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object")))
            @RequestBody byte[] body,
            HttpServletRequest request,
            @SignatureHeader @RequestHeader(name = CallbackGuard.SIGNATURE_HEADER, required = false) String signature) {
        guard.admit(C2B_CONFIRMATION, request.getRemoteAddr(), body, signature);
        DarajaMessages.C2bConfirmation confirmation = DarajaMessages.c2bConfirmation(body);
        UUID paymentId = IdempotencyKeys.deriveId("mpesa-c2b", "mpesa", confirmation.transId());
        commands.sendCallback(new RecordC2bConfirmationCommand(paymentId, confirmation.transId(),
                confirmation.billReference(), confirmation.amount(), confirmation.payer()));
        return ACCEPTED;
    }

    /** Every pay-bill payment is accepted: one naming no wallet is parked for review, never bounced or lost. */
    @Operation(operationId = "receiveC2bValidation", summary = "Validate a pay-bill payment",
            description = "The provider asks whether to accept a pay-bill payment before it is made. Every one is "
                    + "accepted, and nothing is read of the body: a payment naming no wallet is parked for review "
                    + "when it is confirmed, never bounced. The source address and the signature are checked as for "
                    + "every callback.")
    @ApiResponse(responseCode = "200", description = ACCEPTED_ANSWER, useReturnTypeSchema = true)
    @Refuses({ErrorCode.CALLBACK_SIGNATURE_INVALID, ErrorCode.CALLBACK_SOURCE_FORBIDDEN})
    @PostMapping(C2B_VALIDATION)
    public Map<String, Object> c2bValidation(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = DARAJA_BODY, required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object")))
            @RequestBody byte[] body,
            HttpServletRequest request,
            @SignatureHeader @RequestHeader(name = CallbackGuard.SIGNATURE_HEADER, required = false) String signature) {
        guard.admit(C2B_VALIDATION, request.getRemoteAddr(), body, signature);
        return ACCEPTED;
    }

    /** The signature every callback carries; the binding leaves it optional so that a missing one is recorded too. */
    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    @Parameter(description = "The hex HMAC-SHA256 of the raw request body (64 hex digits, either case) under the "
            + "shared callback secret (mizani.provider.callbacks.secret), compared in constant time. Missing or wrong, "
            + "the callback is refused with 401 CALLBACK_SIGNATURE_INVALID and recorded as refused.", required = true,
            schema = @Schema(type = "string", pattern = "^[0-9a-fA-F]{64}$"))
    @interface SignatureHeader {
    }

    private Map<String, Object> apply(DarajaMessages.Addressed addressed) {
        results.apply(new ApplyProviderResultCommand(addressed.paymentId(), addressed.result()));
        return ACCEPTED;
    }
}
