package com.mizani.kernel.payment;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that the provider was asked for the payment's status ({@code sent} false: the question itself failed). The
 * saga numbers its questions from 1; {@link #ON_REQUEST} is a question a person asked, outside the saga's count.
 */
public record RecordStatusQueryCommand(@TargetAggregateIdentifier UUID paymentId, int attempt, boolean sent) {

    /** The attempt number of a question asked on a person's request (the actor is in the event's metadata). */
    public static final int ON_REQUEST = 0;

    public RecordStatusQueryCommand {
        Objects.requireNonNull(paymentId, "paymentId");
    }
}
