package com.mizani.command.payment;

import com.mizani.command.support.ApiLimits;
import com.mizani.command.support.Caller;
import com.mizani.command.support.CommandSender;
import com.mizani.command.support.IdempotentRequest;
import com.mizani.command.support.RequestFields;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.idempotency.IdempotencyKeys;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.DepositView;
import com.mizani.kernel.payment.Msisdn;
import com.mizani.kernel.payment.RequestMobileDepositCommand;
import com.mizani.kernel.payment.PaymentMethod;
import com.mizani.kernel.payment.PaymentOutcome;
import com.mizani.kernel.payment.PaymentStatus;
import com.mizani.kernel.payment.RecordDepositCommand;
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
public class DepositController {

    private final CommandSender commands;
    private final ApiLimits limits;

    public DepositController(CommandSender commands, ApiLimits limits) {
        this.commands = commands;
        this.limits = limits;
    }

    public record DepositRequest(String walletId, String amount, String currency, String method, String msisdn) {
    }

    @PostMapping
    public ResponseEntity<DepositView> deposit(@RequestBody DepositRequest request,
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
            throw new MizaniException(outcome.failureCode(), outcome.failureReason());
        }
        return ResponseEntity.created(URI.create("/api/v1/deposits/" + paymentId)).body(DepositView.of(outcome));
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
