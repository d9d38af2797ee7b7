package com.mizani.app.console.ops;

import com.mizani.app.console.ConditionalOnConsole;
import com.mizani.app.console.ConsoleApi;
import com.mizani.app.console.CsvDownload;
import com.mizani.app.console.FormOutcome;
import com.mizani.app.console.LiveRelay;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.mizani.app.console.ConsoleApi.path;

/**
 * Payroll jobs: the newest first with their progress, and each job's progress bar live, its failed items (with the
 * provider's result codes) and their CSV report; an approver releases or rejects a job someone else created.
 */
@Controller
@ConditionalOnConsole
class PayrollPages {

    static final List<String> STATUSES = List.of("PENDING_APPROVAL", "RUNNING", "COMPLETED",
            "COMPLETED_WITH_FAILURES", "CANCELLED", "REJECTED");
    private static final int FAILED_PAGE = 50;

    private final ConsoleApi api;
    private final LiveRelay live;

    PayrollPages(ConsoleApi api, LiveRelay live) {
        this.api = api;
        this.live = live;
    }

    @GetMapping("/ops/payroll")
    String jobs(@RequestParam(required = false) String status, Model model) {
        String wanted = STATUSES.contains(status) ? status : null;
        model.addAttribute("status", wanted);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("jobs", api.get(path("/api/v1/payroll/jobs", "status", wanted, "limit", 100)).get("jobs"));
        return "console/ops/payroll";
    }

    @GetMapping("/ops/payroll/{jobId}")
    String job(@PathVariable UUID jobId, @RequestParam(required = false) String cursor, Model model) {
        Map<String, Object> job = api.get("/api/v1/payroll/jobs/" + jobId);
        model.addAttribute("job", job);
        model.addAttribute("failed", api.get(path("/api/v1/payroll/jobs/" + jobId + "/items", "status", "FAILED",
                "limit", FAILED_PAGE, "cursor", cursor)));
        return "console/ops/payroll-job";
    }

    @GetMapping(path = "/ops/payroll/{jobId}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter progress(@PathVariable UUID jobId) {
        return live.relay("/api/v1/payroll/jobs/" + jobId + "/events", "console/fragments", "payroll-progress",
                update -> Map.of("job", update));
    }

    @GetMapping("/ops/payroll/{jobId}/failed.csv")
    ResponseEntity<String> failedCsv(@PathVariable UUID jobId) {
        String csv = api.getCsv(path("/api/v1/payroll/jobs/" + jobId + "/items", "status", "FAILED", "format", "csv"));
        return CsvDownload.of("payroll-" + jobId + "-failed.csv", csv);
    }

    @PostMapping("/app/ops/payroll/{jobId}/approve")
    String approve(@PathVariable UUID jobId, RedirectAttributes flash) {
        return decide(jobId, "approve", Map.of(), "release", flash);
    }

    @PostMapping("/app/ops/payroll/{jobId}/reject")
    String reject(@PathVariable UUID jobId, @RequestParam String reason, RedirectAttributes flash) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", reason.strip());
        return decide(jobId, "reject", body, "rejection", flash);
    }

    private String decide(UUID jobId, String action, Map<String, Object> body, String what, RedirectAttributes flash) {
        FormOutcome.of(flash, what, "The " + what + " was recorded.",
                () -> api.post("/api/v1/payroll/jobs/" + jobId + "/" + action, body, null));
        return "redirect:/ops/payroll/" + jobId;
    }
}
