package com.mizani.kernel.payroll;

import com.mizani.kernel.error.ErrorCode;
import org.axonframework.serialization.Revision;

import java.util.UUID;

/**
 * An M-Pesa item's payout reached its final outcome: COMPLETED (settled, with the provider's receipt) or FAILED with
 * PAYOUT_FAILED, the provider's result code and its reason. The money moved with the payout's own events; this
 * records it on the item.
 */
@Revision("1")
public record PayrollPayoutFinishedEvent(UUID jobId, int index, UUID paymentId, PayrollItemStatus status,
                                         String receipt, ErrorCode failureCode, String providerResultCode,
                                         String reason) {
}
