package com.mizani.kernel.payment;

import java.util.Objects;
import java.util.UUID;

/**
 * The status of one payment, empty while the read model does not know it. As a subscription query, it also
 * receives each status the payment reaches afterwards.
 */
public record FindPaymentStatusQuery(UUID paymentId) {

    public FindPaymentStatusQuery {
        Objects.requireNonNull(paymentId, "paymentId");
    }
}
