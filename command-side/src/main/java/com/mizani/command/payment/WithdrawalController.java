package com.mizani.command.payment;

import com.mizani.command.support.ApiLimits;
import com.mizani.command.support.Caller;
import com.mizani.command.support.CommandSender;
import com.mizani.command.support.IdempotentRequest;
import com.mizani.command.support.RequestFields;
import com.mizani.kernel.idempotency.IdempotencyKeys;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.Msisdn;
import com.mizani.kernel.payment.PaymentOutcome;
import com.mizani.kernel.payment.PaymentStatus;
import com.mizani.kernel.payment.RequestWithdrawalCommand;
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
 * same key answers with the payout's current status.
 */
@RestController
@RequestMapping("/api/v1/withdrawals")
public class WithdrawalController {

    private final CommandSender commands;
    private final ApiLimits limits;
    private final PaymentSettings settings;

    public WithdrawalController(CommandSender commands, ApiLimits limits, PaymentSettings settings) {
        this.commands = commands;
        this.limits = limits;
        this.settings = settings;
    }

    public record WithdrawalRequest(String walletId, String amount, String currency, String msisdn) {
    }

    /** The payout as accepted; its number is masked, like everywhere the API shows one. */
    public record WithdrawalAccepted(UUID paymentId, UUID walletId, String amount, String fee, String currency,
                                     String msisdn, PaymentStatus status, Instant requestedAt) {
    }

    @PostMapping
    public ResponseEntity<WithdrawalAccepted> withdraw(@RequestBody WithdrawalRequest request,
                                                       @RequestHeader(name = IdempotentRequest.KEY_HEADER, required = false) String key,
                                                       Caller caller) {
        IdempotentRequest idempotent = IdempotentRequest.of(caller, key);
        UUID walletId = RequestFields.uuid("walletId", request.walletId());
        Money amount = RequestFields.amount(request.amount(), request.currency(), limits.maxAmountMinor());
        MobileMoneyRules.requirePayable(amount);
        Msisdn msisdn = Msisdn.parse(request.msisdn());
        Money fee = Money.of(settings.withdrawalFeeMinor(), amount.currency());
        UUID paymentId = idempotent.idFor("withdrawal");
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
