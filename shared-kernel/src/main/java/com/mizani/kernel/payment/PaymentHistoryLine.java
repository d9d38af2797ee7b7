package com.mizani.kernel.payment;

import java.time.Instant;

/**
 * One event of a payment's history as an incident keeps it: when, which event, and what it said that matters to
 * someone judging a contradiction (the status it led to, the provider's answer).
 */
public record PaymentHistoryLine(Instant at, String event, String detail) {
}
