package com.mizani.kernel.payroll;

import com.mizani.kernel.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Records a payroll job for approval: nothing moves yet. The id comes from the creator's idempotency key, and
 * {@code requestHash} fingerprints the whole request, so a repeat lands on the first job. Every item was checked
 * already, and all are in {@code total}'s currency. {@code payoutFee} is what each M-Pesa item pays on top of its
 * amount, fixed now so that the reservation is known before approval.
 */
public record CreatePayrollJobCommand(@TargetAggregateIdentifier UUID jobId, UUID sourceWalletId, String name,
                                      List<PayrollItem> items, Money total, Money payoutFee, String createdBy,
                                      String requestHash) {
    public CreatePayrollJobCommand {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(sourceWalletId, "sourceWalletId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(payoutFee, "payoutFee");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(requestHash, "requestHash");
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a job has at least one item");
        }
        long sum = 0;
        for (PayrollItem item : items) {
            if (item.amount().currency() != total.currency()) {
                throw new IllegalArgumentException("every item is in the job's currency");
            }
            sum = Math.addExact(sum, item.amount().amountMinor());
        }
        if (payoutFee.currency() != total.currency() || payoutFee.amountMinor() < 0) {
            throw new IllegalArgumentException("the payout fee is non-negative, in the job's currency");
        }
        if (sum != total.amountMinor()) {
            throw new IllegalArgumentException("total must be the sum of the items");
        }
    }
}
