package com.mizani.query.transfer;

import com.mizani.kernel.consistency.ReadsProjections;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.transfer.TransferView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@Tag(name = "Transfers")
public class TransferQueryController {

    private final TransferViewRepository transfers;

    public TransferQueryController(TransferViewRepository transfers) {
        this.transfers = transfers;
    }

    @Operation(operationId = "getTransfer", summary = "Get a transfer",
            description = "The transfer with its wallets, amount and status: REQUESTED while under way, COMPLETED, "
                    + "REJECTED (the source refused, nothing moved) or FAILED (the destination refused, the source "
                    + "was refunded), with the failure's code and reason. Read from the read model, which follows the "
                    + "commands within milliseconds: a transfer answered a moment ago may still be missing (404) or "
                    + "show an earlier status. A customer may read transfers from or to its own wallets only.")
    @ReadsProjections(TransferProjection.PROCESSING_GROUP)
    @GetMapping("/api/v1/transfers/{transferId}")
    public TransferView transfer(@Parameter(description = "The transfer.", schema = @Schema(type = "string",
            format = "uuid")) @PathVariable UUID transferId) {
        return transfers.find(transferId)
                .map(TransferViewRow::view)
                .orElseThrow(() -> new MizaniException(ErrorCode.TRANSFER_NOT_FOUND, "transfer " + transferId + " does not exist"));
    }
}
