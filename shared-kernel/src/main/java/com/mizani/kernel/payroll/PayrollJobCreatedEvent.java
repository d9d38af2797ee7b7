package com.mizani.kernel.payroll;

import com.mizani.kernel.money.Money;
import org.axonframework.serialization.Revision;

import java.util.UUID;

/**
 * A job was recorded, waiting for approval; its items follow in {@link PayrollItemsAddedEvent}s.
 *
 * @param total     the sum of the items' amounts
 * @param payoutFee what each M-Pesa item pays on top of its amount, fixed when the job was created
 * @param fees      the M-Pesa items' fees together; approval reserves {@code total} plus these
 */
@Revision("1")
public record PayrollJobCreatedEvent(UUID jobId, UUID sourceWalletId, String name, int totalItems, Money total,
                                     String createdBy, String requestHash, Money payoutFee, Money fees) {

    /** A job stored before M-Pesa items were paid held wallet items only, and so no fees. */
    public PayrollJobCreatedEvent {
        payoutFee = payoutFee == null ? Money.of(0, total.currency()) : payoutFee;
        fees = fees == null ? Money.of(0, total.currency()) : fees;
    }

    public PayrollJobCreatedEvent(UUID jobId, UUID sourceWalletId, String name, int totalItems, Money total,
                                  String createdBy, String requestHash) {
        this(jobId, sourceWalletId, name, totalItems, total, createdBy, requestHash, null, null);
    }
}
