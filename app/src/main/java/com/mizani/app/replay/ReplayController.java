package com.mizani.app.replay;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.Refuses;
import com.mizani.query.adjustment.AdjustmentProjection;
import com.mizani.query.payroll.PayrollProjection;
import com.mizani.query.audit.AuditProjection;
import com.mizani.query.incident.IncidentProjection;
import com.mizani.query.ledger.LedgerProjection;
import com.mizani.query.payment.PaymentProjection;
import com.mizani.query.transfer.TransferProjection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.util.List;

/** Rebuilding read models from the event store, for operators (the command-line client calls these too). */
@RestController
@RequestMapping("/api/v1/admin/projections")
@Tag(name = "Admin")
public class ReplayController {

    /** The projections are the query side's processing groups whose handlers support a reset. */
    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    @Parameter(description = "The projection (its processing group).", schema = @Schema(type = "string",
            allowableValues = {AdjustmentProjection.PROCESSING_GROUP, AuditProjection.PROCESSING_GROUP,
                    IncidentProjection.PROCESSING_GROUP, LedgerProjection.PROCESSING_GROUP,
                    PaymentProjection.PROCESSING_GROUP, PayrollProjection.PROCESSING_GROUP,
                    TransferProjection.PROCESSING_GROUP}))
    @interface ProjectionName {
    }

    private final ProjectionReplays replays;

    public ReplayController(ProjectionReplays replays) {
        this.replays = replays;
    }

    public record Projections(List<String> projections) {
    }

    @Operation(operationId = "listProjections", summary = "List the projections that can be rebuilt",
            description = "The names of the read models that can be rebuilt from the event store, in order. The "
                    + "payment sagas are not among them: replaying them would call the provider again. An admin's "
                    + "call.")
    @GetMapping
    public Projections projections() {
        return new Projections(replays.projections());
    }

    /** Starts the rebuild and answers at once; its progress is at the Location. */
    @Operation(operationId = "replayProjection", summary = "Rebuild a projection from the event store",
            description = "Starts rebuilding one projection and answers at once with its progress and a Location to "
                    + "follow it at. Its processor is stopped, its views emptied and refilled from the first event "
                    + "while the application keeps serving, so until it completes reads of that projection show it "
                    + "partly rebuilt. Refused while a replay of it runs, and when another node holds the processor "
                    + "(stop it there first). An admin's call.")
    @ApiResponse(responseCode = "202", description = "The replay started: its progress; Location is where to follow "
            + "it.", useReturnTypeSchema = true)
    @Refuses({ErrorCode.PROJECTION_NOT_FOUND, ErrorCode.REPLAY_IN_PROGRESS, ErrorCode.REPLAY_NOT_POSSIBLE})
    @PostMapping("/{name}/replay")
    public ResponseEntity<ReplayProgress> replay(@ProjectionName @PathVariable String name) {
        ReplayProgress progress = replays.start(name);
        return ResponseEntity.accepted().location(URI.create("/api/v1/admin/projections/" + name + "/replay"))
                .body(progress);
    }

    @Operation(operationId = "getProjectionReplay", summary = "Follow a projection's rebuild",
            description = "Where the current or last rebuild of a projection on this node stands: REPLAYING, "
                    + "COMPLETED or FAILED, the events done of the total, the rate and an estimate of the time left. "
                    + "A projection not replayed since this node started answers 404. An admin's call.")
    @Refuses({ErrorCode.NOT_FOUND, ErrorCode.PROJECTION_NOT_FOUND})
    @GetMapping("/{name}/replay")
    public ReplayProgress progress(@ProjectionName @PathVariable String name) {
        return replays.progress(name);
    }
}
