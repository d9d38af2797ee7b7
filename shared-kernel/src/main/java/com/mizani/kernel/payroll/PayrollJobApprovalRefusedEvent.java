package com.mizani.kernel.payroll;

import com.mizani.kernel.error.ErrorCode;
import org.axonframework.serialization.Revision;

import java.util.UUID;

/** An approval the source wallet refused (it could not reserve the total): nothing moved, the job still waits. */
@Revision("1")
public record PayrollJobApprovalRefusedEvent(UUID jobId, String approvedBy, ErrorCode code, String reason) {
}
