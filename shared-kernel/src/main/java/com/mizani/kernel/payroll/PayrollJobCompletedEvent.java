package com.mizani.kernel.payroll;

import com.mizani.kernel.money.Money;
import org.axonframework.serialization.Revision;

import java.util.UUID;

/** Every item was paid or failed; {@code released} is what was left of the reservation (zero, see docs/payroll.md). */
@Revision("1")
public record PayrollJobCompletedEvent(UUID jobId, PayrollJobStatus status, int succeededItems, int failedItems,
                                       Money released) {
}
