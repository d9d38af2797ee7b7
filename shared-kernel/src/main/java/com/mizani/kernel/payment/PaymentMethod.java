package com.mizani.kernel.payment;

/** How money enters or leaves. CASH is the simulated cash-in; the others go through M-Pesa. */
public enum PaymentMethod {
    CASH,
    /** A deposit we start: the customer approves a push prompt on the phone. */
    MPESA_STK,
    /** A deposit the customer starts from the phone, into our pay bill. */
    MPESA_C2B,
    /** A payout to the customer's phone. */
    MPESA_B2C;

    /** The provider's name in system account names ({@code provider:<name>:settlement:<CCY>}). */
    public String provider() {
        return this == CASH ? "cash" : "mpesa";
    }
}
