package com.mizani.query.payroll;

import com.mizani.kernel.consistency.ReadsProjections;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.Refuses;
import com.mizani.kernel.payroll.FindPayrollJobProgressQuery;
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

/**
 * A payroll job's status and progress as server-sent events, until it is COMPLETED, COMPLETED_WITH_FAILURES,
 * CANCELLED or REJECTED. While it is RUNNING, each batch of items paid moves its progress, and that is news.
 */
@RestController
@Tag(name = "Payroll")
public class PayrollProgressStreamController {

    private final StatusStreams streams;

    public PayrollProgressStreamController(StatusStreams streams) {
        this.streams = streams;
    }

    @Operation(operationId = "streamPayrollJobProgress", summary = "Follow a payroll job's progress live",
            description = "Server-sent events: the job now, then the job again after each change the read model "
                    + "applies, at most one event a projection batch (a RUNNING job of 10,000 items sends about one "
                    + "per batch of items paid, not one per item). Each event is named after the job's status "
                    + "(PENDING_APPROVAL, RUNNING...), its id is the job's event sequence, and its data is the job "
                    + "as GET /api/v1/payroll/jobs/{jobId} answers it (status, processedItems, progress \"5432/14000\", "
                    + "...). The server closes the stream after a final status (COMPLETED, COMPLETED_WITH_FAILURES, "
                    + "CANCELLED or REJECTED), or after mizani.live.stream-timeout-ms (10 minutes), when the client "
                    + "reconnects and gets the job as it is then; a comment line every 15 s keeps quiet streams open. "
                    + "A job the read model does not know yet is waited for up to 5 s before a 404. For services, "
                    + "operators, approvers and auditors.")
    @ApiResponse(responseCode = "200", description = "The stream of the job's events.", content = @Content(
            mediaType = "text/event-stream", schema = @Schema(type = "string", description = "Server-sent events, "
            + "one per change, data as the job's JSON.")))
    @Refuses({ErrorCode.PAYROLL_JOB_NOT_FOUND})
    // The first status sent is at least what the caller's own writes, answered before it asked, left.
    @ReadsProjections(PayrollProjection.PROCESSING_GROUP)
    @GetMapping("/api/v1/payroll/jobs/{jobId}/events")
    public SseEmitter events(@Parameter(description = "The job.", schema = @Schema(type = "string", format = "uuid"))
                             @PathVariable UUID jobId) throws InterruptedException {
        return streams.open(new FindPayrollJobProgressQuery(jobId), PayrollJobProgress.class)
                .orElseThrow(() -> PayrollQueryController.notFound(jobId));
    }
}
