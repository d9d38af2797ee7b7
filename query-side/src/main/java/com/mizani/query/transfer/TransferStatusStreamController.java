package com.mizani.query.transfer;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.transfer.FindTransferStatusQuery;
import com.mizani.kernel.transfer.TransferStatusUpdate;
import com.mizani.query.live.StatusStreams;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.UUID;

/** A transfer's status as server-sent events, until it is COMPLETED, REJECTED or FAILED. */
@RestController
public class TransferStatusStreamController {

    private final StatusStreams streams;

    public TransferStatusStreamController(StatusStreams streams) {
        this.streams = streams;
    }

    @GetMapping("/api/v1/transfers/{transferId}/events")
    public SseEmitter events(@PathVariable UUID transferId) throws InterruptedException {
        return streams.open(new FindTransferStatusQuery(transferId), TransferStatusUpdate.class)
                .orElseThrow(() -> new MizaniException(ErrorCode.TRANSFER_NOT_FOUND, "transfer " + transferId + " does not exist"));
    }
}
