package com.mizani.kernel.payment;

import java.util.Optional;
import java.util.UUID;

/**
 * An event in one payment's stream. Sealed so that {@link #statusAfter} is checked by the compiler: a new payment
 * event does not compile until it says whether it moves the payment's status, and the aggregate, the payment view
 * and the audit trail all read the answer from here.
 */
public sealed interface PaymentEvent permits C2bPaymentReceivedEvent, DepositRequestedEvent, MobileDepositAcceptedEvent,
        MobileDepositRequestedEvent, IncidentCorrectionProposedEvent,
        IncidentCorrectionRejectedEvent, IncidentResolvedEvent, PaymentAmbiguousEvent, PaymentConfirmedEvent,
        PaymentContradictedEvent, PaymentFailedEvent,
        PaymentRejectedEvent, PaymentResolutionApprovedEvent, PaymentResolutionProposedEvent,
        PaymentResolutionRejectedEvent, PaymentReviewRequiredEvent, PaymentReviewResolvedEvent, PaymentSettledEvent,
        PaymentStatusQueriedEvent, PaymentSubmittedEvent, ProviderResultIgnoredEvent, WithdrawalRequestedEvent,
        WithdrawalReservedEvent {

    UUID paymentId();

    /** The status the payment has after this event; empty for an event that leaves the status as it was. */
    static Optional<PaymentStatus> statusAfter(PaymentEvent event) {
        return Optional.ofNullable(switch (event) {
            case DepositRequestedEvent e -> PaymentStatus.REQUESTED;
            case WithdrawalRequestedEvent e -> PaymentStatus.REQUESTED;
            case MobileDepositRequestedEvent e -> PaymentStatus.REQUESTED;
            case C2bPaymentReceivedEvent e -> PaymentStatus.REQUESTED;
            case WithdrawalReservedEvent e -> PaymentStatus.RESERVED;
            case PaymentSubmittedEvent e -> PaymentStatus.SUBMITTED;
            case PaymentAmbiguousEvent e -> PaymentStatus.AMBIGUOUS;
            case PaymentReviewRequiredEvent e -> PaymentStatus.MANUAL_REVIEW;
            case PaymentConfirmedEvent e -> PaymentStatus.SETTLED;
            case PaymentSettledEvent e -> PaymentStatus.SETTLED;
            case PaymentFailedEvent e -> PaymentStatus.FAILED;
            case PaymentRejectedEvent e -> PaymentStatus.REJECTED;
            case MobileDepositAcceptedEvent e -> null;
            case PaymentStatusQueriedEvent e -> null;
            case ProviderResultIgnoredEvent e -> null;
            case PaymentResolutionProposedEvent e -> null;
            case PaymentResolutionApprovedEvent e -> null;
            case PaymentResolutionRejectedEvent e -> null;
            case PaymentReviewResolvedEvent e -> null;
            // An incident never moves a final payment's status: its own lifecycle is open, then resolved.
            case PaymentContradictedEvent e -> null;
            case IncidentCorrectionProposedEvent e -> null;
            case IncidentCorrectionRejectedEvent e -> null;
            case IncidentResolvedEvent e -> null;
        });
    }

    /**
     * The event's name as the payment timeline shows it ({@code WithdrawalReserved}): its type without the suffix,
     * so no name is written twice.
     */
    static String nameOf(PaymentEvent event) {
        return Names.OF_TYPE.get(event.getClass());
    }

    /** Worked out once per event type: the payment view names every event it projects. */
    final class Names {
        private static final ClassValue<String> OF_TYPE = new ClassValue<>() {
            @Override
            protected String computeValue(Class<?> type) {
                return type.getSimpleName().replaceFirst("Event$", "");
            }
        };

        private Names() {
        }
    }
}
