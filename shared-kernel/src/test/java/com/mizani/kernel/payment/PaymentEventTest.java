package com.mizani.kernel.payment;

import com.mizani.kernel.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentEventTest {

    private static final UUID PAYMENT = UUID.randomUUID();

    @Test
    void outcomesMoveThePaymentToTheirFinalStatus() {
        assertThat(PaymentEvent.statusAfter(new PaymentConfirmedEvent(PAYMENT, "R1", Evidence.CALLBACK)))
                .contains(PaymentStatus.SETTLED);
        assertThat(PaymentEvent.statusAfter(new PaymentSettledEvent(PAYMENT))).contains(PaymentStatus.SETTLED);
        assertThat(PaymentEvent.statusAfter(new PaymentFailedEvent(PAYMENT, "1", "no", Evidence.CALLBACK)))
                .contains(PaymentStatus.FAILED);
        assertThat(PaymentEvent.statusAfter(new PaymentRejectedEvent(PAYMENT, ErrorCode.INSUFFICIENT_FUNDS, "short")))
                .contains(PaymentStatus.REJECTED);
    }

    @Test
    void theProviderConversationMovesThroughSubmittedAmbiguousAndReview() {
        assertThat(PaymentEvent.statusAfter(new PaymentSubmittedEvent(PAYMENT, "AG_1"))).contains(PaymentStatus.SUBMITTED);
        assertThat(PaymentEvent.statusAfter(new PaymentAmbiguousEvent(PAYMENT, "timeout"))).contains(PaymentStatus.AMBIGUOUS);
        assertThat(PaymentEvent.statusAfter(new PaymentReviewRequiredEvent(PAYMENT, "odd")))
                .contains(PaymentStatus.MANUAL_REVIEW);
    }

    @Test
    void recordsOfWhatWasAskedOrProposedLeaveTheStatusAsItWas() {
        assertThat(PaymentEvent.statusAfter(new PaymentStatusQueriedEvent(PAYMENT, 1, true))).isEmpty();
        assertThat(PaymentEvent.statusAfter(new PaymentResolutionProposedEvent(PAYMENT, UUID.randomUUID(), true, "seen",
                null, "user:ops-1"))).isEmpty();
    }

    @Test
    void anEventIsNamedByItsTypeWithoutTheSuffix() {
        assertThat(PaymentEvent.nameOf(new PaymentSubmittedEvent(PAYMENT, "AG_1"))).isEqualTo("PaymentSubmitted");
        assertThat(PaymentEvent.nameOf(new PaymentStatusQueriedEvent(PAYMENT, 1, true))).isEqualTo("PaymentStatusQueried");
    }
}
