package com.mizani.query.transfer;

import com.mizani.kernel.consistency.ReadsProjections;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.transfer.FindTransferStatusQuery;
import com.mizani.kernel.transfer.TransferStatusUpdate;
import com.mizani.query.live.StatusStreams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.UUID;

/** A transfer's status as server-sent events, until it is COMPLETED, REJECTED or FAILED. */
@RestController
@Tag(name = "Transfers")
public class TransferStatusStreamController {

    private final StatusStreams streams;

    public TransferStatusStreamController(StatusStreams streams) {
        this.streams = streams;
    }

    @Operation(operationId = "streamTransferStatus", summary = "Follow a transfer's status live",
            description = "Server-sent events: the transfer's status now, then one event per change, each named "
                    + "after the status, with the transfer's event sequence as its id and the update as JSON data "
                    + "{transferId, status, at, failureCode, failureReason, sequence}. The server closes the stream "
                    + "after a final status (COMPLETED, REJECTED or FAILED), or after mizani.live.stream-timeout-ms "
                    + "(10 minutes), when the client reconnects; a comment line every 15 s keeps quiet streams open. "
                    + "An id the read model does not know yet is waited for up to 5 s before a 404. A customer may "
                    + "follow transfers from or to its own wallets only.")
    @ApiResponse(responseCode = "200", description = "The stream of status events.", content = @Content(
            mediaType = "text/event-stream", schema = @Schema(type = "string", description = "Server-sent events, "
            + "one per status, data as JSON.")))
    // The first status sent is at least what the caller's own writes, answered before it asked, left.
    @ReadsProjections(TransferProjection.PROCESSING_GROUP)
    @GetMapping("/api/v1/transfers/{transferId}/events")
    public SseEmitter events(@Parameter(description = "The transfer.", schema = @Schema(type = "string",
            format = "uuid")) @PathVariable UUID transferId) throws InterruptedException {
        return streams.open(new FindTransferStatusQuery(transferId), TransferStatusUpdate.class)
                .orElseThrow(() -> new MizaniException(ErrorCode.TRANSFER_NOT_FOUND, "transfer " + transferId + " does not exist"));
    }
}
