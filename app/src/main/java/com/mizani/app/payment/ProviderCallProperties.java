package com.mizani.app.payment;

import com.mizani.saga.payment.ProviderCalls;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the payment sagas' provider requests run, after the transaction that decided them ({@link ProviderCalls}).
 *
 * @param maxInFlight    provider requests running at once; when all are taken, the sagas wait for one
 * @param shutdownWaitMs at shutdown, how long requests in flight may take to finish and record their answers;
 *                       one still running after it is left to its payment's deadline
 */
public record ProviderCallProperties(@DefaultValue("64") int maxInFlight,
                                     @DefaultValue("10000") long shutdownWaitMs) {
}
