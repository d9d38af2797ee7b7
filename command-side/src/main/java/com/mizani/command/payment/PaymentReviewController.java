package com.mizani.command.payment;

import com.mizani.command.support.Caller;
import com.mizani.command.support.CommandSender;
import com.mizani.command.support.RequestFields;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.payment.DepositView;
import com.mizani.kernel.payment.PaymentOutcome;
import com.mizani.kernel.payment.ResolvePaymentReviewCommand;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * Operations decide payments in MANUAL_REVIEW: PAID captures the payout's reservation (or credits the deposit),
 * NOT_PAID releases it. The decision, its reason and the operator are stored as an event.
 */
@RestController
@RequestMapping("/api/v1/ops/payments")
public class PaymentReviewController {

    private static final int MAX_REASON_LENGTH = 500;

    private final CommandSender commands;

    public PaymentReviewController(CommandSender commands) {
        this.commands = commands;
    }

    /**
     * @param outcome  PAID or NOT_PAID: what the provider did, as the operator established it
     * @param reason   why the operator knows (ticket, statement line)
     * @param walletId only for a C2B deposit whose bill reference matched no wallet: the wallet to credit
     */
    public record Resolution(String outcome, String reason, String walletId) {
    }

    @PostMapping("/{paymentId}/resolve")
    public ResponseEntity<DepositView> resolve(@PathVariable UUID paymentId, @RequestBody Resolution resolution,
                                               Caller caller) {
        boolean paid = switch (resolution.outcome() == null ? "" : resolution.outcome()) {
            case "PAID" -> true;
            case "NOT_PAID" -> false;
            default -> throw new MizaniException(ErrorCode.VALIDATION_FAILED, "outcome must be PAID or NOT_PAID");
        };
        String reason = resolution.reason() == null ? "" : resolution.reason().strip();
        if (reason.isEmpty() || reason.length() > MAX_REASON_LENGTH) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED,
                    "reason is required, at most " + MAX_REASON_LENGTH + " characters");
        }
        UUID walletId = resolution.walletId() == null ? null : RequestFields.uuid("walletId", resolution.walletId());
        PaymentOutcome outcome = commands.send(new ResolvePaymentReviewCommand(paymentId, paid, reason, caller.principal(), walletId));
        return ResponseEntity.ok(DepositView.of(outcome));
    }
}
