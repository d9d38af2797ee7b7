package com.mizani.kernel.payroll;

import com.mizani.kernel.money.Money;
import org.axonframework.serialization.Revision;

import java.util.UUID;

/** Approved: the source wallet reserved {@code reserved} (the job's total) under the job's id, in the same unit of work. */
@Revision("1")
public record PayrollJobApprovedEvent(UUID jobId, String approvedBy, Money reserved) {
}
