package com.mizani.kernel.payment;

/** Which way a payment moves money across the system's edge. */
public enum PaymentKind {
    DEPOSIT, WITHDRAWAL
}
