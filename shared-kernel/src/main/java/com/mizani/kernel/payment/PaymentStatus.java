package com.mizani.kernel.payment;

public enum PaymentStatus {
    REQUESTED, SETTLED, REJECTED
}
