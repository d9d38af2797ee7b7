package com.mizani.kernel.payment;

/** How money enters or leaves. CASH is the simulated cash-in; the mobile-money methods come with the provider. */
public enum PaymentMethod {
    CASH
}
