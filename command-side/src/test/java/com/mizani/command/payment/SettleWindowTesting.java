package com.mizani.command.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** Settle windows for the payment fixtures, whose events are stamped with the time the fixture was made. */
final class SettleWindowTesting {

    /** Every request is past its window: only the "twice in a row" rule is left to decide. */
    static final SettleWindow PASSED = new SettleWindow(Duration.ZERO, Clock.fixed(Instant.MAX, ZoneOffset.UTC));

    /** No request is past its window yet. */
    static final SettleWindow OPEN = new SettleWindow(Duration.ofDays(3650), Clock.systemUTC());

    private SettleWindowTesting() {
    }
}
