package com.mizani.query.incident;

import com.mizani.kernel.consistency.ReadsProjections;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.error.Refuses;
import com.mizani.kernel.payment.IncidentState;
import com.mizani.query.support.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * Incidents from the read model. The list is the operators' inbox: {@code ?status=OPEN}, oldest first, so what has
 * waited longest comes first. An incident opened a moment ago may still be missing here.
 */
@RestController
@Tag(name = "Operations")
public class IncidentQueryController {

    private final IncidentViewRepository incidents;

    public IncidentQueryController(IncidentViewRepository incidents) {
        this.incidents = incidents;
    }

    @Operation(operationId = "getIncident", summary = "Get an incident",
            description = "One incident of a payment the provider contradicted after its final status: the kind of "
                    + "contradiction, what our books and the provider's message say was moved and the difference, "
                    + "the evidence, the correction waiting for approval or the approved resolution, and the "
                    + "payment's history up to the contradiction. Read from the read model: an incident opened a "
                    + "moment ago may still answer 404. For operators, approvers and auditors.")
    @Refuses({ErrorCode.INCIDENT_NOT_FOUND})
    @ReadsProjections(IncidentProjection.PROCESSING_GROUP)
    @GetMapping("/api/v1/ops/incidents/{incidentId}")
    public IncidentView incident(@Parameter(description = "The incident.", schema = @Schema(type = "string",
            format = "uuid")) @PathVariable UUID incidentId) {
        return incidents.find(incidentId).orElseThrow(() ->
                new MizaniException(ErrorCode.INCIDENT_NOT_FOUND, "incident " + incidentId + " does not exist"));
    }

    /**
     * @param status OPEN or RESOLVED; every incident when absent
     * @param limit  1 to 500, 50 by default
     * @param cursor the {@code nextCursor} of the previous page
     */
    @Operation(operationId = "listIncidents", summary = "List incidents",
            description = "The incidents, oldest first so that what has waited longest comes first, a page at a time "
                    + "(pass nextCursor for the next); status=OPEN is the operators' inbox. Each is shaped as GET "
                    + "/api/v1/ops/incidents/{incidentId} answers it. Read from the read model: an incident opened a "
                    + "moment ago may still be missing. For operators, approvers and auditors.")
    @Refuses({ErrorCode.INVALID_CURSOR})
    @ReadsProjections(IncidentProjection.PROCESSING_GROUP)
    @GetMapping("/api/v1/ops/incidents")
    public Page<IncidentView> incidents(@Parameter(description = "Only incidents in this status; every incident "
                                                + "when absent.", schema = @Schema(implementation =
                                                IncidentState.Status.class))
                                        @RequestParam(required = false) String status,
                                        @RequestParam(required = false) Integer limit,
                                        @RequestParam(required = false) String cursor) {
        IncidentState.Status wanted = status(status);
        int pageSize = Page.checkedLimit(limit);
        List<IncidentViewRepository.Listed> found = incidents.list(wanted, Page.decodeCursor(cursor), pageSize + 1);
        List<IncidentView> items = found.stream().limit(pageSize).map(IncidentViewRepository.Listed::incident).toList();
        String next = found.size() > pageSize ? Page.encodeCursor(found.get(pageSize - 1).position()) : null;
        return new Page<>(items, next);
    }

    private static IncidentState.Status status(String status) {
        if (status == null) {
            return null;
        }
        try {
            return IncidentState.Status.valueOf(status);
        } catch (IllegalArgumentException unknown) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED,
                    "status must be one of " + List.of(IncidentState.Status.values()));
        }
    }
}
