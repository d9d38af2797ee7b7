package com.mizani.kernel.payroll;

import com.mizani.kernel.money.Money;
import org.axonframework.serialization.Revision;

import java.util.UUID;

/** Stopped at {@code checkpoint}: the items from there on are CANCELLED, and {@code released} went back to available. */
@Revision("1")
public record PayrollJobCancelledEvent(UUID jobId, String cancelledBy, int checkpoint, Money released) {
}
