package com.mizani.kernel.payroll;

import org.axonframework.serialization.Revision;

import java.util.List;
import java.util.UUID;

/** A chunk of a job's items, from index {@code firstIndex} on: no single event holds a whole large job. */
@Revision("1")
public record PayrollItemsAddedEvent(UUID jobId, int firstIndex, List<PayrollItem> items) {
}
