package com.mizani.query.adjustment;

import com.mizani.kernel.consistency.ReadsProjections;
import com.mizani.kernel.adjustment.AdjustmentStatus;
import com.mizani.kernel.adjustment.AdjustmentView;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.error.Refuses;
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
 * Manual adjustments from the read model. The list is the checker's inbox: {@code ?status=PENDING_APPROVAL}, oldest
 * first, so what has waited longest comes first. A proposal answered a moment ago may still be missing here.
 */
@RestController
@Tag(name = "Operations")
public class AdjustmentQueryController {

    private final AdjustmentViewRepository adjustments;

    public AdjustmentQueryController(AdjustmentViewRepository adjustments) {
        this.adjustments = adjustments;
    }

    @Operation(operationId = "getAdjustment", summary = "Get a manual adjustment",
            description = "One adjustment with its wallet, amount, direction, reason and status (PENDING_APPROVAL, "
                    + "APPROVED, REJECTED or FAILED), who proposed it and who decided, when and why, and the wallet's "
                    + "refusal of a FAILED one. Read from the read model: an adjustment proposed a moment ago may "
                    + "still answer 404. For operators, approvers and auditors.")
    @Refuses({ErrorCode.ADJUSTMENT_NOT_FOUND})
    @ReadsProjections(AdjustmentProjection.PROCESSING_GROUP)
    @GetMapping("/api/v1/ops/adjustments/{adjustmentId}")
    public AdjustmentView adjustment(@Parameter(description = "The adjustment.", schema = @Schema(type = "string",
            format = "uuid")) @PathVariable UUID adjustmentId) {
        return adjustments.find(adjustmentId).orElseThrow(() ->
                new MizaniException(ErrorCode.ADJUSTMENT_NOT_FOUND, "adjustment " + adjustmentId + " does not exist"));
    }

    /**
     * @param status PENDING_APPROVAL, APPROVED, REJECTED or FAILED; every adjustment when absent
     * @param limit  1 to 500, 50 by default
     * @param cursor the {@code nextCursor} of the previous page
     */
    @Operation(operationId = "listAdjustments", summary = "List manual adjustments",
            description = "The adjustments, oldest proposal first so that what has waited longest comes first, a "
                    + "page at a time (pass nextCursor for the next); status=PENDING_APPROVAL is the approvers' "
                    + "inbox. Read from the read model: a proposal answered a moment ago may still be missing. For "
                    + "operators, approvers and auditors.")
    @Refuses({ErrorCode.INVALID_CURSOR})
    @ReadsProjections(AdjustmentProjection.PROCESSING_GROUP)
    @GetMapping("/api/v1/ops/adjustments")
    public Page<AdjustmentView> adjustments(@Parameter(description = "Only adjustments in this status; every "
                                                    + "adjustment when absent.", schema = @Schema(implementation =
                                                    AdjustmentStatus.class))
                                            @RequestParam(required = false) String status,
                                            @RequestParam(required = false) Integer limit,
                                            @RequestParam(required = false) String cursor) {
        AdjustmentStatus wanted = status(status);
        int pageSize = Page.checkedLimit(limit);
        List<AdjustmentViewRepository.Listed> found = adjustments.list(wanted, Page.decodeCursor(cursor), pageSize + 1);
        List<AdjustmentView> items = found.stream().limit(pageSize).map(AdjustmentViewRepository.Listed::adjustment).toList();
        String next = found.size() > pageSize ? Page.encodeCursor(found.get(pageSize - 1).position()) : null;
        return new Page<>(items, next);
    }

    private static AdjustmentStatus status(String status) {
        if (status == null) {
            return null;
        }
        try {
            return AdjustmentStatus.valueOf(status);
        } catch (IllegalArgumentException unknown) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED, "status must be one of " + List.of(AdjustmentStatus.values()));
        }
    }
}
