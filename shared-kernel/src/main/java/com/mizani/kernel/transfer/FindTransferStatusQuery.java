package com.mizani.kernel.transfer;

import java.util.Objects;
import java.util.UUID;

/**
 * The status of one transfer, empty while the read model does not know it. As a subscription query, it also
 * receives each status the transfer reaches afterwards.
 */
public record FindTransferStatusQuery(UUID transferId) {

    public FindTransferStatusQuery {
        Objects.requireNonNull(transferId, "transferId");
    }
}
