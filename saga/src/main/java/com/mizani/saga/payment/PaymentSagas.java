package com.mizani.saga.payment;

/** Names shared by the payment sagas. */
public final class PaymentSagas {

    /** The processing group of both payment sagas: one stream, ordered per payment. */
    public static final String PROCESSING_GROUP = "payment-sagas";

    private PaymentSagas() {
    }
}
