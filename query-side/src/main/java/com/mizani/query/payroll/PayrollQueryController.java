package com.mizani.query.payroll;

import com.mizani.kernel.consistency.ReadsProjections;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.error.Refuses;
import com.mizani.kernel.payroll.PayrollItemStatus;
import com.mizani.kernel.payroll.PayrollJobStatus;
import com.mizani.query.support.JsonOrCsv;
import com.mizani.query.support.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Payroll jobs from the read model: a job's progress, and its items (the failed ones, say) as JSON a page at a time, or
 * as a CSV report of all of them ({@link JsonOrCsv} chooses), read from the view a chunk of
 * {@value #REPORT_CHUNK_ITEMS} at a time while it is written out.
 */
@RestController
@Tag(name = "Payroll")
public class PayrollQueryController {

    private static final Logger log = LoggerFactory.getLogger(PayrollQueryController.class);

    /** Items read at a time for a CSV report: one query every so many lines, and never the whole job in memory. */
    static final int REPORT_CHUNK_ITEMS = 1_000;

    private final PayrollJobViewRepository jobs;
    private final PayrollItemViewRepository items;

    public PayrollQueryController(PayrollJobViewRepository jobs, PayrollItemViewRepository items) {
        this.jobs = jobs;
        this.items = items;
    }

    public record PayrollJobList(List<PayrollJobView> jobs) {
    }

    @Operation(operationId = "listPayrollJobs", summary = "List payroll jobs",
            description = "The newest jobs first, all of them or those in one status (PENDING_APPROVAL, RUNNING, "
                    + "COMPLETED, COMPLETED_WITH_FAILURES, CANCELLED or REJECTED), at most limit of them (not "
                    + "paged): the operations console's list, and an approver's inbox with status=PENDING_APPROVAL. "
                    + "Read from the read model, which shows a write answered before this read. For services, "
                    + "operators, approvers and auditors.")
    @Refuses({ErrorCode.VALIDATION_FAILED})
    @ReadsProjections(PayrollProjection.PROCESSING_GROUP)
    @GetMapping("/api/v1/payroll/jobs")
    public PayrollJobList jobs(@Parameter(description = "Only jobs in this status; every job when absent.",
                                       schema = @Schema(implementation = PayrollJobStatus.class))
                               @RequestParam(required = false) String status,
                               @Parameter(description = "How many jobs to list at most, 1 to " + Page.MAX_LIMIT + ".",
                                       schema = @Schema(minimum = "1", maximum = "" + Page.MAX_LIMIT,
                                               defaultValue = "" + Page.DEFAULT_LIMIT))
                               @RequestParam(required = false) Integer limit) {
        PayrollJobStatus wanted = null;
        if (status != null) {
            try {
                wanted = PayrollJobStatus.valueOf(status);
            } catch (IllegalArgumentException unknown) {
                throw new MizaniException(ErrorCode.VALIDATION_FAILED,
                        "status must be one of " + List.of(PayrollJobStatus.values()));
            }
        }
        return new PayrollJobList(jobs.newest(wanted, Page.checkedLimit(limit)));
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
     * @param status PENDING, PROCESSING, COMPLETED, FAILED or CANCELLED; every item when absent
     * @param limit  1 to 500, 50 by default (JSON only)
     * @param cursor the {@code nextCursor} of the previous page (JSON only)
     */
    @Operation(operationId = "listPayrollItems", summary = "List a payroll job's items",
            description = "The job's items in their order, each with its status, its transfer or payout and, when "
                    + "FAILED, why: the code its transfer or payout was refused with, or PAYOUT_FAILED with the "
                    + "provider's result code and reason (an M-Pesa item is PROCESSING while its payout waits for the "
                    + "provider). status=FAILED is the report of what to pay again. As JSON, a "
                    + "page at a time (pass nextCursor for the next). As CSV, every item the status filter admits in "
                    + "one download (a header, then a line per item, a column per field of the JSON items; limit and "
                    + "cursor do not apply), as an attachment payroll-<jobId>-items.csv; a text that starts with =, "
                    + "+, -, @, a tab or a carriage return is written after an apostrophe, so that a spreadsheet shows "
                    + "it instead of computing it. The format parameter chooses, whatever the Accept header says; "
                    + "without it the Accept header does (JSON when it admits both or is absent), and one that admits "
                    + "neither is refused with 406. For services, operators, approvers and auditors.")
    @ApiResponse(responseCode = "200", description = "The items: a page of them as JSON, or all of them as CSV (RFC "
            + "4180, UTF-8).", useReturnTypeSchema = true, content = {@Content(mediaType = "application/json"),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @Refuses({ErrorCode.PAYROLL_JOB_NOT_FOUND, ErrorCode.VALIDATION_FAILED, ErrorCode.INVALID_CURSOR})
    @ReadsProjections(PayrollProjection.PROCESSING_GROUP)
    @GetMapping("/api/v1/payroll/jobs/{jobId}/items")
    public ResponseEntity<Page<PayrollItemView>> items(
            @Parameter(description = "The job.", schema = @Schema(type = "string", format = "uuid"))
            @PathVariable UUID jobId,
            @Parameter(description = "Only items in this status; every item when absent.",
                    schema = @Schema(implementation = PayrollItemStatus.class))
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor,
            @Parameter(description = "json or csv; wins over the Accept header.",
                    schema = @Schema(type = "string", allowableValues = {"json", "csv"}))
            @RequestParam(required = false) String format,
            HttpServletRequest request, HttpServletResponse response) throws HttpMediaTypeNotAcceptableException {
        PayrollItemStatus wanted = status(status);
        int pageSize = Page.checkedLimit(limit);
        long after = Page.decodeCursor(cursor);
        MediaType representation = JsonOrCsv.chosen(format, request);
        if (jobs.find(jobId).isEmpty()) {
            throw notFound(jobId);
        }
        if (JsonOrCsv.TEXT_CSV.equals(representation)) {
            writeReport(jobId, wanted, response);
            // The report is in the response already: there is no entity left for Spring to write.
            return null;
        }
        List<PayrollItemView> found = items.list(jobId, wanted, after, pageSize + 1);
        List<PayrollItemView> page = found.stream().limit(pageSize).toList();
        String next = found.size() > pageSize ? Page.encodeCursor(found.get(pageSize - 1).index()) : null;
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).varyBy(HttpHeaders.ACCEPT)
                .body(new Page<>(page, next));
    }

    /**
     * Every item of the status as CSV, written to the client while it is read from the view: however many items
     * the job has, the server holds one chunk of them.
     */
    private void writeReport(UUID jobId, PayrollItemStatus status, HttpServletResponse response) {
        response.setContentType(new MediaType(JsonOrCsv.TEXT_CSV, StandardCharsets.UTF_8).toString());
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("payroll-" + jobId + "-items.csv").build().toString());
        try {
            PayrollItemsCsv.write(items.all(jobId, status, REPORT_CHUNK_ITEMS), response.getOutputStream());
        } catch (IOException clientGone) {
            // The client is the only I/O here: it hung up in the middle of the report, and nobody is left to answer.
            log.debug("payroll job {}: the client went away during its items report: {}", jobId,
                    clientGone.getMessage());
        }
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
