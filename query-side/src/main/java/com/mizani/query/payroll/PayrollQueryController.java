package com.mizani.query.payroll;

import com.mizani.kernel.consistency.ReadsProjections;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.error.Refuses;
import com.mizani.kernel.payroll.PayrollItemStatus;
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

/** Payroll jobs from the read model: a job's progress, and its items (the failed ones, say) a page at a time. */
@RestController
@Tag(name = "Payroll")
public class PayrollQueryController {

    private final PayrollJobViewRepository jobs;
    private final PayrollItemViewRepository items;

    public PayrollQueryController(PayrollJobViewRepository jobs, PayrollItemViewRepository items) {
        this.jobs = jobs;
        this.items = items;
    }

    @Operation(operationId = "getPayrollJob", summary = "Get a payroll job",
            description = "The job's status and progress: items in total, processed (paid or failed), succeeded, "
                    + "failed and still pending, the checkpoint it resumes from and progress as processed/total. "
                    + "Read from the read model, which shows a write answered before this read. For services, "
                    + "operators, approvers and auditors.")
    @Refuses({ErrorCode.PAYROLL_JOB_NOT_FOUND})
    @ReadsProjections(PayrollProjection.PROCESSING_GROUP)
    @GetMapping("/api/v1/payroll/jobs/{jobId}")
    public PayrollJobView job(@Parameter(description = "The job.", schema = @Schema(type = "string", format = "uuid"))
                              @PathVariable UUID jobId) {
        return jobs.find(jobId).orElseThrow(() -> notFound(jobId));
    }

    /**
     * @param status PENDING, COMPLETED, FAILED or CANCELLED; every item when absent
     * @param limit  1 to 500, 50 by default
     * @param cursor the {@code nextCursor} of the previous page
     */
    @Operation(operationId = "listPayrollItems", summary = "List a payroll job's items",
            description = "The job's items in their order, a page at a time (pass nextCursor for the next), each with "
                    + "its status, transfer and, when FAILED, the code its transfer was refused with: "
                    + "status=FAILED is the report of what to pay again. For services, operators, approvers and "
                    + "auditors.")
    @Refuses({ErrorCode.PAYROLL_JOB_NOT_FOUND, ErrorCode.VALIDATION_FAILED, ErrorCode.INVALID_CURSOR})
    @ReadsProjections(PayrollProjection.PROCESSING_GROUP)
    @GetMapping("/api/v1/payroll/jobs/{jobId}/items")
    public Page<PayrollItemView> items(@Parameter(description = "The job.", schema = @Schema(type = "string",
                                               format = "uuid")) @PathVariable UUID jobId,
                                       @Parameter(description = "Only items in this status; every item when absent.",
                                               schema = @Schema(implementation = PayrollItemStatus.class))
                                       @RequestParam(required = false) String status,
                                       @RequestParam(required = false) Integer limit,
                                       @RequestParam(required = false) String cursor) {
        PayrollItemStatus wanted = status(status);
        int pageSize = Page.checkedLimit(limit);
        long after = Page.decodeCursor(cursor);
        if (jobs.find(jobId).isEmpty()) {
            throw notFound(jobId);
        }
        List<PayrollItemView> found = items.list(jobId, wanted, after, pageSize + 1);
        List<PayrollItemView> page = found.stream().limit(pageSize).toList();
        String next = found.size() > pageSize ? Page.encodeCursor(found.get(pageSize - 1).index()) : null;
        return new Page<>(page, next);
    }

    static MizaniException notFound(UUID jobId) {
        return new MizaniException(ErrorCode.PAYROLL_JOB_NOT_FOUND, "payroll job " + jobId + " does not exist");
    }

    private static PayrollItemStatus status(String status) {
        if (status == null) {
            return null;
        }
        try {
            return PayrollItemStatus.valueOf(status);
        } catch (IllegalArgumentException unknown) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED, "status must be one of " + List.of(PayrollItemStatus.values()));
        }
    }
}
