package com.mizani.command.payment;

import com.mizani.command.support.ApiLimits;
import com.mizani.command.support.CommandSender;
import com.mizani.command.support.IdempotentRequest;
import com.mizani.command.support.RequestFields;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.Refuses;
import com.mizani.kernel.idempotency.IdempotencyKeys;
import com.mizani.kernel.identity.Caller;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.Msisdn;
import com.mizani.kernel.payment.PaymentOutcome;
import com.mizani.kernel.payment.PaymentStatus;
import com.mizani.kernel.payment.RequestWithdrawalCommand;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Accepts payouts to a mobile number. The answer comes once the money is reserved (202, the payout goes on in the
 * background: poll {@code GET /api/v1/payments/{id}}) or refused (422, e.g. INSUFFICIENT_FUNDS). A repeat with the
 * same key answers with the payout's current status. While too many accepted payouts wait to be sent to the provider,
 * a new one is refused with 503 and Retry-After before anything is recorded ({@link PayoutAdmission}); a repeat is
 * answered as always.
 */
@RestController
@RequestMapping("/api/v1/withdrawals")
@Tag(name = "Payments")
public class WithdrawalController {

    private final CommandSender commands;
    private final ApiLimits limits;
    private final PaymentSettings settings;
    private final PayoutAdmission admission;

    public WithdrawalController(CommandSender commands, ApiLimits limits, PaymentSettings settings,
                                PayoutAdmission admission) {
        this.commands = commands;
        this.limits = limits;
        this.settings = settings;
        this.admission = admission;
    }

    public record WithdrawalRequest(
            @Schema(description = "The wallet to pay out of.", requiredMode = Schema.RequiredMode.REQUIRED)
            String walletId,
            @Schema(description = "How much the phone receives, in whole shillings as a decimal string; the fee "
                    + "comes on top.", requiredMode = Schema.RequiredMode.REQUIRED) String amount,
            @Schema(description = "KES: M-Pesa moves nothing else.", requiredMode = Schema.RequiredMode.REQUIRED)
            String currency,
            @Schema(description = "The receiving Kenyan mobile number in international form.",
                    requiredMode = Schema.RequiredMode.REQUIRED) String msisdn) {
    }

    /** The payout as accepted; its number is masked, like everywhere the API shows one. */
    public record WithdrawalAccepted(UUID paymentId, UUID walletId, String amount, String fee, String currency,
                                     String msisdn, PaymentStatus status, Instant requestedAt) {
    }

    @Operation(operationId = "createWithdrawal", summary = "Pay out of a wallet to a phone",
            description = "Requests an M-Pesa payout (B2C) to a mobile number. In one transaction the payment is "
                    + "recorded and the wallet reserves the amount plus the fee; the answer (202, with a Location) "
                    + "comes then, and the payout goes on in the background: its status (SUBMITTED, SETTLED, FAILED, "
                    + "or AMBIGUOUS and MANUAL_REVIEW while the provider's answer is unknown) comes asynchronously, "
                    + "so follow GET the payment or its events. A wallet that cannot pay (INSUFFICIENT_FUNDS, frozen, "
                    + "closed) refuses it with 422 and the payment is recorded REJECTED; anything but whole KES is "
                    + "refused before anything is recorded. A service's call, or a customer's from its own wallet. "
                    + "The Idempotency-Key makes it one payout: a repeat with the same body answers its status now, "
                    + "another body under the same key is a conflict. While the payouts accepted and not yet sent to "
                    + "the provider are at their bound (mizani.payments.max-unsent-payouts), a new payout is refused "
                    + "with 503 PAYOUTS_BACKLOGGED and Retry-After before anything is recorded or reserved; a repeat "
                    + "of one already recorded is answered as always.")
    @ApiResponse(responseCode = "202", description = "The payout, its money reserved; Location is the payment.",
            useReturnTypeSchema = true)
    @Refuses({
            ErrorCode.INVALID_AMOUNT, ErrorCode.AMOUNT_OUT_OF_RANGE, ErrorCode.UNKNOWN_CURRENCY,
            ErrorCode.IDEMPOTENCY_KEY_MISSING, ErrorCode.IDEMPOTENCY_KEY_INVALID, ErrorCode.INVALID_MSISDN,
            ErrorCode.IDEMPOTENCY_KEY_REUSED, ErrorCode.CONCURRENT_MODIFICATION, ErrorCode.INSUFFICIENT_FUNDS,
            ErrorCode.WALLET_FROZEN, ErrorCode.WALLET_CLOSED, ErrorCode.CURRENCY_MISMATCH,
            ErrorCode.CURRENCY_NOT_SUPPORTED, ErrorCode.PAYOUTS_BACKLOGGED
    })
    @PostMapping
    public ResponseEntity<WithdrawalAccepted> withdraw(@io.swagger.v3.oas.annotations.parameters.RequestBody(
                                                               description = "The wallet, the amount and the phone.",
                                                               required = true)
                                                       @RequestBody WithdrawalRequest request,
                                                       @RequestHeader(name = IdempotentRequest.KEY_HEADER, required = false) String key,
                                                       Caller caller) {
        IdempotentRequest idempotent = IdempotentRequest.of(caller, key);
        UUID walletId = RequestFields.uuid("walletId", request.walletId());
        Money amount = RequestFields.amount(request.amount(), request.currency(), limits.maxAmountMinor());
        MobileMoneyRules.requirePayable(amount);
        Msisdn msisdn = Msisdn.parse(request.msisdn());
        Money fee = Money.of(settings.withdrawalFeeMinor(), amount.currency());
        UUID paymentId = idempotent.idFor("withdrawal");
        admission.admit(paymentId);
        PaymentOutcome outcome = commands.send(new RequestWithdrawalCommand(paymentId, walletId, amount, fee, msisdn,
                IdempotencyKeys.fingerprint(walletId, amount.amountMinor(), amount.currency(), msisdn.value())));
        if (outcome.status() == PaymentStatus.REJECTED) {
            throw new PaymentRejected(outcome);
        }
        WithdrawalAccepted accepted = new WithdrawalAccepted(paymentId, walletId, amount.toDecimalString(),
                outcome.fee().toDecimalString(), amount.currency().name(), msisdn.masked(), outcome.status(),
                outcome.requestedAt() == null ? null : outcome.requestedAt().truncatedTo(ChronoUnit.MILLIS));
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/payments/" + paymentId))
                .body(accepted);
    }
}
