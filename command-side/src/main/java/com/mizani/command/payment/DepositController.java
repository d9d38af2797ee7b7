package com.mizani.command.payment;

import com.mizani.command.support.ApiLimits;
import com.mizani.command.support.CommandSender;
import com.mizani.command.support.IdempotentRequest;
import com.mizani.command.support.RequestFields;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.error.Refuses;
import com.mizani.kernel.idempotency.IdempotencyKeys;
import com.mizani.kernel.identity.Caller;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.DepositView;
import com.mizani.kernel.payment.Msisdn;
import com.mizani.kernel.payment.PaymentMethod;
import com.mizani.kernel.payment.PaymentOutcome;
import com.mizani.kernel.payment.PaymentStatus;
import com.mizani.kernel.payment.RecordDepositCommand;
import com.mizani.kernel.payment.RequestMobileDepositCommand;
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

import java.net.URI;
import java.util.UUID;

/**
 * Deposits. CASH is the simulated cash-in: it credits the wallet at once (201). MPESA_STK sends a payment prompt to
 * the customer's phone: the answer is 202 with the pending payment, and the wallet is credited when the provider's
 * verified callback (or its status query) says the customer paid; poll {@code GET /api/v1/payments/{id}}.
 */
@RestController
@RequestMapping("/api/v1/deposits")
@Tag(name = "Deposits")
public class DepositController {

    private final CommandSender commands;
    private final ApiLimits limits;

    public DepositController(CommandSender commands, ApiLimits limits) {
        this.commands = commands;
        this.limits = limits;
    }

    public record DepositRequest(
            @Schema(description = "The wallet to credit.", requiredMode = Schema.RequiredMode.REQUIRED) String walletId,
            @Schema(description = "How much, a positive decimal string in major units. M-Pesa deposits are whole "
                    + "shillings.", requiredMode = Schema.RequiredMode.REQUIRED) String amount,
            @Schema(description = "The amount's currency; it must be the wallet's. M-Pesa deposits are KES only.",
                    requiredMode = Schema.RequiredMode.REQUIRED) String currency,
            @Schema(description = "CASH (the default when absent): cash taken in at a teller's desk, credited at "
                    + "once. MPESA_STK: a payment prompt sent to the customer's phone, credited when the provider "
                    + "says the customer paid.", allowableValues = {"CASH", "MPESA_STK"}) String method,
            @Schema(description = "The payer's Kenyan mobile number in international form; required for MPESA_STK, "
                    + "ignored for CASH.") String msisdn) {
    }

    @Operation(operationId = "createDeposit", summary = "Deposit money into a wallet",
            description = "A CASH deposit (a teller's) credits the wallet at once and answers 201 with the deposit "
                    + "SETTLED. An MPESA_STK deposit (a service's, or a customer's into its own wallet) sends a "
                    + "payment prompt to the payer's phone and answers 202 with the payment REQUESTED and a Location "
                    + "to follow it at: the wallet is credited only once the provider's signed callback, or its "
                    + "status query, says the customer paid, so the outcome comes later (GET the payment or its "
                    + "events). A wallet that would refuse the money (frozen, closed, another currency) refuses the "
                    + "deposit with its code, before any prompt is sent. The Idempotency-Key makes the deposit once: a repeat with "
                    + "the same body answers the deposit as it is now, another body under the same key is a "
                    + "conflict.")
    @ApiResponse(responseCode = "201", description = "A CASH deposit, credited and SETTLED.",
            useReturnTypeSchema = true)
    @ApiResponse(responseCode = "202", description = "An MPESA_STK deposit, accepted: the prompt goes to the phone "
            + "and the outcome comes later; Location is the payment.", useReturnTypeSchema = true)
    @Refuses({
            ErrorCode.INVALID_AMOUNT, ErrorCode.AMOUNT_OUT_OF_RANGE, ErrorCode.UNKNOWN_CURRENCY,
            ErrorCode.IDEMPOTENCY_KEY_MISSING, ErrorCode.IDEMPOTENCY_KEY_INVALID, ErrorCode.INVALID_MSISDN,
            ErrorCode.IDEMPOTENCY_KEY_REUSED, ErrorCode.CONCURRENT_MODIFICATION, ErrorCode.WALLET_FROZEN,
            ErrorCode.WALLET_CLOSED, ErrorCode.CURRENCY_MISMATCH, ErrorCode.BALANCE_LIMIT_EXCEEDED,
            ErrorCode.CURRENCY_NOT_SUPPORTED
    })
    @PostMapping
    public ResponseEntity<DepositView> deposit(@io.swagger.v3.oas.annotations.parameters.RequestBody(
                                                       description = "The wallet, the amount and how it is paid in.",
                                                       required = true)
                                               @RequestBody DepositRequest request,
                                               @RequestHeader(name = IdempotentRequest.KEY_HEADER, required = false) String key,
                                               Caller caller) {
        IdempotentRequest idempotent = IdempotentRequest.of(caller, key);
        UUID walletId = RequestFields.uuid("walletId", request.walletId());
        Money amount = RequestFields.amount(request.amount(), request.currency(), limits.maxAmountMinor());
        PaymentMethod method = method(request.method());
        UUID paymentId = idempotent.idFor("deposit");
        if (method == PaymentMethod.MPESA_STK) {
            return pushDeposit(paymentId, walletId, amount, Msisdn.parse(request.msisdn()));
        }
        PaymentOutcome outcome = commands.send(new RecordDepositCommand(paymentId, walletId, amount, method,
                IdempotencyKeys.fingerprint(walletId, amount.amountMinor(), amount.currency(), method)));
        if (outcome.status() == PaymentStatus.REJECTED) {
            throw new PaymentRejected(outcome);
        }
        // A deposit is a payment: it is read where every payment is (there is no GET of /deposits/{id}).
        return ResponseEntity.created(URI.create("/api/v1/payments/" + paymentId)).body(DepositView.of(outcome));
    }

    private ResponseEntity<DepositView> pushDeposit(UUID paymentId, UUID walletId, Money amount, Msisdn msisdn) {
        MobileMoneyRules.requirePayable(amount);
        PaymentOutcome outcome = commands.send(new RequestMobileDepositCommand(paymentId, walletId, amount, msisdn,
                IdempotencyKeys.fingerprint(walletId, amount.amountMinor(), amount.currency(), PaymentMethod.MPESA_STK,
                        msisdn.value())));
        if (outcome.status() == PaymentStatus.REJECTED) {
            throw new PaymentRejected(outcome);
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/payments/" + paymentId))
                .body(DepositView.of(outcome));
    }

    private static PaymentMethod method(String method) {
        if (method == null || method.equals(PaymentMethod.CASH.name())) {
            return PaymentMethod.CASH;
        }
        if (method.equals(PaymentMethod.MPESA_STK.name())) {
            return PaymentMethod.MPESA_STK;
        }
        throw new MizaniException(ErrorCode.VALIDATION_FAILED, "method must be CASH or MPESA_STK");
    }
}
