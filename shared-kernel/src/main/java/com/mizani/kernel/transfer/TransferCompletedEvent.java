package com.mizani.kernel.transfer;

import org.axonframework.serialization.Revision;

import java.util.UUID;

@Revision("1")
public record TransferCompletedEvent(UUID transferId) {
}
