package com.mizani.query.transfer;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.transfer.TransferView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
public class TransferQueryController {

    private final TransferViewRepository transfers;

    public TransferQueryController(TransferViewRepository transfers) {
        this.transfers = transfers;
    }

    @GetMapping("/api/v1/transfers/{transferId}")
    public TransferView transfer(@PathVariable UUID transferId) {
        return transfers.find(transferId)
                .map(TransferViewRow::view)
                .orElseThrow(() -> new MizaniException(ErrorCode.TRANSFER_NOT_FOUND, "transfer " + transferId + " does not exist"));
    }
}
