package com.mizani.kernel.payment;

/** Where knowledge of a payment's outcome came from; every final payment event names one. */
public enum Evidence {
    /** The provider refused our request outright, synchronously. */
    REQUEST,
    /** The provider's asynchronous result callback. */
    CALLBACK,
    /** The provider's answer to our transaction status query. */
    STATUS_QUERY,
    /** The provider's queue-timeout callback: it did not get to our request in time. */
    QUEUE_TIMEOUT,
    /** An operator's decision on a payment in review. */
    OPERATOR
}
