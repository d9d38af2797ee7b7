package com.mizani.kernel.transfer;

import com.mizani.kernel.error.ErrorCode;
import org.axonframework.serialization.Revision;

import java.util.UUID;

/** The source wallet refused the debit; no money moved. */
@Revision("1")
public record TransferRejectedEvent(UUID transferId, ErrorCode code, String reason) {
}
