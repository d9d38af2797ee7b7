package com.mizani.saga.provider;

/** The provider's synchronous answer to a money request; never its outcome, which comes later. */
public sealed interface SubmitAnswer {

    /** Accepted for processing under the provider's {@code reference} (ConversationID, CheckoutRequestID). */
    record Accepted(String reference) implements SubmitAnswer {
    }

    /** Refused outright, nothing done: a definitive not-paid. */
    record Refused(String code, String description) implements SubmitAnswer {
    }

    /** Timeout, 5xx or a broken connection: the provider may or may not have acted. */
    record Unknown(String reason) implements SubmitAnswer {
    }
}
