package com.mizani.command.payment;

import com.mizani.kernel.payment.IncidentResolvedEvent;
import com.mizani.kernel.payment.PaymentAmbiguousEvent;
import com.mizani.kernel.payment.PaymentConfirmedEvent;
import com.mizani.kernel.payment.PaymentContradictedEvent;
import com.mizani.kernel.payment.PaymentEvent;
import com.mizani.kernel.payment.PaymentFailedEvent;
import com.mizani.kernel.payment.PaymentHistoryLine;
import com.mizani.kernel.payment.PaymentReviewRequiredEvent;
import com.mizani.kernel.payment.PaymentStatus;
import com.mizani.kernel.payment.ProviderResult;
import com.mizani.kernel.payment.ProviderResultIgnoredEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A payment's events as an incident keeps them: enough for whoever judges a contradiction to see what we asked, what
 * the provider answered and when, without the event store at hand. The events are kept as they come and described
 * only when a contradiction asks, so loading a payment for any other command costs no text.
 */
final class PaymentHistory {

    private record Step(PaymentEvent event, Instant at, Optional<PaymentStatus> statusAfter) {
    }

    private final List<Step> steps = new ArrayList<>();

    void add(PaymentEvent event, Instant at, Optional<PaymentStatus> statusAfter) {
        steps.add(new Step(event, at, statusAfter));
    }

    List<PaymentHistoryLine> lines() {
        return steps.stream().map(PaymentHistory::line).toList();
    }

    private static PaymentHistoryLine line(Step step) {
        String said = said(step.event());
        String status = step.statusAfter().map(PaymentStatus::name).orElse("");
        return new PaymentHistoryLine(step.at(), PaymentEvent.nameOf(step.event()),
                status.isEmpty() || said.isEmpty() ? status + said : status + ": " + said);
    }

    private static String said(PaymentEvent event) {
        return switch (event) {
            case PaymentConfirmedEvent e -> "receipt " + e.receipt() + " (" + e.evidence() + ")";
            case PaymentFailedEvent e -> e.resultCode() + " " + e.reason() + " (" + e.evidence() + ")";
            case PaymentAmbiguousEvent e -> e.reason();
            case PaymentReviewRequiredEvent e -> e.reason();
            case ProviderResultIgnoredEvent e -> said(e.result()) + "; " + e.reason();
            case PaymentContradictedEvent e -> e.kind() + ": " + said(e.evidence());
            case IncidentResolvedEvent e -> e.correction().action() + " " + e.correction().amount().toDecimalString()
                    + ", approved by " + e.approvedBy();
            default -> "";
        };
    }

    private static String said(ProviderResult result) {
        return "%s %s by %s, code %s, receipt %s, amount %s".formatted(result.outcome(), result.description(),
                result.evidence(), result.resultCode(), result.receipt(), result.amountMinor());
    }
}
