package com.mizani.kernel.payment;

import com.mizani.kernel.error.ErrorCode;
import org.axonframework.serialization.Revision;

import java.util.UUID;

/** The wallet refused the money; nothing moved. */
@Revision("1")
public record PaymentRejectedEvent(UUID paymentId, ErrorCode code, String reason) implements PaymentEvent {
}
