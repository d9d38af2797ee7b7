package com.mizani.kernel.transfer;

import com.mizani.kernel.error.ErrorCode;
import org.axonframework.serialization.Revision;

import java.util.UUID;

/** The destination refused the credit; the source has been refunded. */
@Revision("1")
public record TransferFailedEvent(UUID transferId, ErrorCode code, String reason) {
}
