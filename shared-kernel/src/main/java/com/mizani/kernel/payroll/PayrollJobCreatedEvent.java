package com.mizani.kernel.payroll;

import com.mizani.kernel.money.Money;
import org.axonframework.serialization.Revision;

import java.util.UUID;

/** A job was recorded, waiting for approval; its items follow in {@link PayrollItemsAddedEvent}s. */
@Revision("1")
public record PayrollJobCreatedEvent(UUID jobId, UUID sourceWalletId, String name, int totalItems, Money total,
                                     String createdBy, String requestHash) {
}
