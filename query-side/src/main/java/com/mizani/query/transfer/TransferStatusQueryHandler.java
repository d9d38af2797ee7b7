package com.mizani.query.transfer;

import com.mizani.kernel.transfer.FindTransferStatusQuery;
import com.mizani.kernel.transfer.TransferStatusUpdate;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** A transfer's current status from its view: the first event of its live status stream. */
@Component
public class TransferStatusQueryHandler {

    private final TransferViewRepository transfers;

    public TransferStatusQueryHandler(TransferViewRepository transfers) {
        this.transfers = transfers;
    }

    @QueryHandler
    public Optional<TransferStatusUpdate> status(FindTransferStatusQuery query) {
        return transfers.find(query.transferId()).map(TransferViewRow::statusUpdate);
    }
}
