package com.mizani.app.payment;

import com.mizani.command.support.CommandSender;
import com.mizani.command.support.RetryLater;
import com.mizani.kernel.consistency.ReadsProjections;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.error.Refuses;
import com.mizani.kernel.payment.ApplyProviderResultCommand;
import com.mizani.kernel.payment.PaymentMethod;
import com.mizani.kernel.payment.PaymentOutcome;
import com.mizani.kernel.payment.PaymentStatus;
import com.mizani.kernel.payment.ProviderResult;
import com.mizani.kernel.payment.RecordStatusQueryCommand;
import com.mizani.query.payment.PaymentProjection;
import com.mizani.query.payment.PaymentViewRepository;
import com.mizani.query.payment.PaymentViewRow;
import com.mizani.saga.provider.ProviderGateway;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * "Query status now": an operator asks the provider what became of an open payment instead of waiting for the
 * saga's next question, which backs off, or which the saga no longer asks once the payment is in review.
 *
 * <p>A question moves no money and is safe in any order, so it needs no four eyes. What the provider answers goes to
 * the payment like any answer: it settles or fails an AMBIGUOUS or SUBMITTED payment, and is recorded, without
 * effect, on a payment in MANUAL_REVIEW, where it is evidence for the people who decide it. A payout's answer comes
 * by callback; an STK push's at once. Only payments the provider has already been sent are asked about: a "no such
 * payment" before the request went out would say nothing. The payment is read from its view once the view holds
 * every event committed before the request, so a payment answered a moment ago is found as it stands.
 */
@RestController
@RequestMapping("/api/v1/ops/payments")
@Tag(name = "Operations")
public class StatusQueryController {

    private static final Set<PaymentStatus> OPEN_AT_THE_PROVIDER =
            EnumSet.of(PaymentStatus.SUBMITTED, PaymentStatus.AMBIGUOUS, PaymentStatus.MANUAL_REVIEW);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    private final PaymentViewRepository payments;
    private final ProviderGateway provider;
    private final CommandSender commands;

    public StatusQueryController(PaymentViewRepository payments, ProviderGateway provider, CommandSender commands) {
        this.payments = payments;
        this.provider = provider;
        this.commands = commands;
    }

    /**
     * @param answer CALLBACK: the provider answers a payout's question by callback, and the payment's timeline shows
     *               it; APPLIED: an STK push's answer was given to the payment at once; NOT_DEFINITIVE: the push's
     *               answer decides nothing yet (the customer has not answered the prompt)
     */
    public record StatusQuestion(
            UUID paymentId,
            @Schema(description = "The payment's status after the question: an answer by callback changes it "
                    + "later.") PaymentStatus status,
            @Schema(description = "How the answer comes: CALLBACK (a payout's: later, into the payment's timeline), "
                    + "APPLIED (an STK push's: given to the payment now), NOT_DEFINITIVE (an STK push's answer "
                    + "that decides nothing yet).", allowableValues = {"CALLBACK", "APPLIED", "NOT_DEFINITIVE"})
            String answer) {
    }

    @Operation(operationId = "queryPaymentStatus", summary = "Ask the provider for a payment's status now",
            description = "Asks M-Pesa what became of an open payout (transaction status query) or STK push deposit "
                    + "(STK push query) now, rather than at the saga's next question. Only for a payment the provider "
                    + "has been sent and that is SUBMITTED, AMBIGUOUS or MANUAL_REVIEW. The answer is the "
                    + "payment's like any other: it settles or fails a payment still awaiting the provider, and is "
                    + "only recorded on one in review, where operators decide. The question is recorded in the "
                    + "payment's timeline and audit trail with who asked. An operator's call; it moves no money by "
                    + "itself.")
    @ApiResponse(responseCode = "202", description = "Asked: how the answer comes, and the payment's status; Location "
            + "is the payment.", useReturnTypeSchema = true)
    // An STK push's answer is applied to the payment, with the refusals a provider result may meet (a wallet that
    // will not take a deposit parks it in review instead; the codes are listed as the command can answer them).
    @Refuses({ErrorCode.PAYMENT_NOT_FOUND, ErrorCode.STATUS_QUERY_NOT_POSSIBLE, ErrorCode.PROVIDER_UNAVAILABLE,
            ErrorCode.CONCURRENT_MODIFICATION, ErrorCode.WALLET_NOT_FOUND, ErrorCode.WALLET_FROZEN,
            ErrorCode.WALLET_CLOSED, ErrorCode.CURRENCY_MISMATCH, ErrorCode.BALANCE_LIMIT_EXCEEDED})
    @ReadsProjections(PaymentProjection.PROCESSING_GROUP)
    @PostMapping("/{paymentId}/status-query")
    public ResponseEntity<StatusQuestion> ask(@Parameter(description = "The payment to ask about.",
                                                      schema = @Schema(type = "string", format = "uuid"))
                                              @PathVariable UUID paymentId) {
        PaymentViewRow payment = payments.find(paymentId).orElseThrow(() -> new MizaniException(
                ErrorCode.PAYMENT_NOT_FOUND, "payment " + paymentId + " does not exist"));
        if (!OPEN_AT_THE_PROVIDER.contains(payment.status())) {
            throw notPossible("payment " + paymentId + " is " + payment.status() + "; the provider is asked only about "
                    + "a payment it has been sent and that is SUBMITTED, AMBIGUOUS or MANUAL_REVIEW");
        }
        StatusQuestion asked = switch (payment.method()) {
            case MPESA_B2C -> askAboutPayout(payment);
            case MPESA_STK -> askAboutPush(payment);
            case MPESA_C2B, CASH -> throw notPossible("the provider has no status query for a "
                    + (payment.method() == PaymentMethod.CASH ? "cash deposit" : "C2B payment it started itself"));
        };
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/payments/" + paymentId))
                .body(asked);
    }

    private StatusQuestion askAboutPayout(PaymentViewRow payment) {
        boolean sent = provider.requestPayoutStatus(payment.paymentId());
        commands.send(new RecordStatusQueryCommand(payment.paymentId(), RecordStatusQueryCommand.ON_REQUEST, sent));
        if (!sent) {
            throw unavailable();
        }
        return new StatusQuestion(payment.paymentId(), payment.status(), "CALLBACK");
    }

    private StatusQuestion askAboutPush(PaymentViewRow payment) {
        if (payment.providerReference() == null) {
            throw notPossible("the push was never acknowledged, so there is no CheckoutRequestID to ask with; match "
                    + "it with the provider's statement instead");
        }
        ProviderResult result = provider.queryStkPush(payment.paymentId(), payment.providerReference());
        commands.send(new RecordStatusQueryCommand(payment.paymentId(), RecordStatusQueryCommand.ON_REQUEST, true));
        if (!result.isDefinitive()) {
            return new StatusQuestion(payment.paymentId(), payment.status(), "NOT_DEFINITIVE");
        }
        PaymentOutcome outcome = commands.send(new ApplyProviderResultCommand(payment.paymentId(), result));
        return new StatusQuestion(payment.paymentId(), outcome.status(), "APPLIED");
    }

    private static MizaniException notPossible(String why) {
        return new MizaniException(ErrorCode.STATUS_QUERY_NOT_POSSIBLE, why);
    }

    private static RetryLater unavailable() {
        return new RetryLater(ErrorCode.PROVIDER_UNAVAILABLE, "the provider did not take the status query; it was "
                + "recorded as not sent", RETRY_AFTER);
    }
}
