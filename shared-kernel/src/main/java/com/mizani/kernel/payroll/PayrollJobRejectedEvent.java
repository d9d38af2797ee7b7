package com.mizani.kernel.payroll;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/** Rejected by an approver: it never moves money. */
@Revision("1")
public record PayrollJobRejectedEvent(UUID jobId, String rejectedBy, String reason) {
}
