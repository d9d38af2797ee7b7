package com.mizani.app.console.ops;

import com.mizani.app.console.ConditionalOnConsole;
import com.mizani.app.console.ConsoleApi;
import com.mizani.app.console.FormOutcome;
import com.mizani.app.console.ConsoleUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import static com.mizani.app.console.ConsoleApi.path;

/**
 * The payments that wait for people: the AMBIGUOUS and MANUAL_REVIEW queues, each payment's whole timeline, the
 * proposal of a decision, and the checker inbox where someone else approves or rejects it. The four-eyes rule is the
 * aggregate's, enforced by the API: the inbox only spares a person the offer of its own proposals.
 */
@Controller
@ConditionalOnConsole
class ReviewPages {

    private static final int QUEUE_LENGTH = 100;
    private static final int REFUSED_CALLBACKS = 20;
    /** Where the API's status query applies; it refuses the rest, and the page does not offer them. */
    private static final Set<Object> ASKABLE_STATUSES = Set.of("SUBMITTED", "AMBIGUOUS", "MANUAL_REVIEW");
    private static final Set<Object> ASKABLE_METHODS = Set.of("MPESA_B2C", "MPESA_STK");

    private final ConsoleApi api;

    ReviewPages(ConsoleApi api) {
        this.api = api;
    }

    record Queue(String status, String title, List<Map<String, Object>> payments) {
    }

    @GetMapping("/ops/queues")
    String queues(Model model) {
        model.addAttribute("queues", List.of(
                new Queue("AMBIGUOUS", "Awaiting the provider (AMBIGUOUS)", payments("AMBIGUOUS")),
                new Queue("MANUAL_REVIEW", "For review (MANUAL_REVIEW), parked C2B payments among them",
                        payments("MANUAL_REVIEW"))));
        return "console/ops/queues";
    }

    @GetMapping("/ops/payments/{paymentId}")
    String payment(@PathVariable UUID paymentId, @AuthenticationPrincipal ConsoleUser me, Model model) {
        Map<String, Object> payment = api.get("/api/v1/payments/" + paymentId);
        model.addAttribute("payment", payment);
        Object pending = payment.get("pendingResolution");
        model.addAttribute("mayPropose", "MANUAL_REVIEW".equals(payment.get("status")) && pending == null
                && me.has("operator"));
        model.addAttribute("mayDecide", pending instanceof Map<?, ?> proposal && me.has("approver")
                && !Objects.equals(proposal.get("proposedBy"), me.caller().principal()));
        model.addAttribute("mayAsk", ASKABLE_STATUSES.contains(payment.get("status"))
                && ASKABLE_METHODS.contains(payment.get("method")) && me.has("operator"));
        model.addAttribute("proposeKey", UUID.randomUUID());
        return "console/ops/payment";
    }

    /**
     * The audit views live in MongoDB and trail the events: the pages ask for them once they have rendered, so that
     * the queues and the payment show at once, and still show when MongoDB is away.
     */
    @GetMapping("/ops/queues/refused-callbacks")
    String refusedCallbacks(Model model) {
        model.addAttribute("refusedCallbacks", Panel.read(() -> api.get(path("/api/v1/audit/refused-callbacks",
                "limit", REFUSED_CALLBACKS))));
        return "console/fragments :: refused-callbacks";
    }

    @GetMapping("/ops/payments/{paymentId}/audit")
    String audit(@PathVariable UUID paymentId, Model model) {
        model.addAttribute("audit", Panel.read(() -> api.get("/api/v1/audit/payments/" + paymentId)));
        return "console/fragments :: audit-trail";
    }

    @PostMapping("/app/ops/payments/{paymentId}/resolve")
    String propose(@PathVariable UUID paymentId, @RequestParam String outcome, @RequestParam String reason,
                   @RequestParam UUID idempotencyKey, RedirectAttributes flash) {
        return act(paymentId, "/resolve", Map.of("outcome", outcome, "reason", reason.strip()), idempotencyKey,
                "proposal", flash);
    }

    @PostMapping("/app/ops/payments/{paymentId}/status-query")
    String askNow(@PathVariable UUID paymentId, RedirectAttributes flash) {
        FormOutcome.of(flash, "status query", "M-Pesa was asked. A payout's answer comes by callback and shows in the "
                + "timeline; reload in a moment.", () -> api.post("/api/v1/ops/payments/" + paymentId
                + "/status-query", Map.of(), null));
        return "redirect:/ops/payments/" + paymentId;
    }

    @PostMapping("/app/ops/payments/{paymentId}/resolution/approve")
    String approve(@PathVariable UUID paymentId, @RequestParam String proposalId,
                   @RequestParam(required = false) String reason, RedirectAttributes flash) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("proposalId", proposalId);
        if (reason != null && !reason.isBlank()) {
            body.put("reason", reason.strip());
        }
        return act(paymentId, "/resolution/approve", body, null, "approval", flash);
    }

    @PostMapping("/app/ops/payments/{paymentId}/resolution/reject")
    String reject(@PathVariable UUID paymentId, @RequestParam String proposalId, @RequestParam String reason,
                  RedirectAttributes flash) {
        return act(paymentId, "/resolution/reject", Map.of("proposalId", proposalId, "reason", reason.strip()), null,
                "rejection", flash);
    }

    /**
     * Proposals made by others and waiting for a decision: review decisions, adjustments and payroll releases; never
     * the person's own. A kind the person's role may not read says so.
     */
    @GetMapping("/ops/inbox")
    String inbox(@AuthenticationPrincipal ConsoleUser me, Model model) {
        String myself = me.caller().principal();
        model.addAttribute("proposals", payments("MANUAL_REVIEW").stream()
                .filter(payment -> payment.get("pendingResolution") instanceof Map<?, ?> proposal
                        && !myself.equals(proposal.get("proposedBy")))
                .toList());
        Panel adjustments = Panel.read(() -> api.get(path("/api/v1/ops/adjustments", "status", "PENDING_APPROVAL",
                "limit", QUEUE_LENGTH)));
        model.addAttribute("adjustments", adjustments.refusal() != null ? adjustments
                : new Panel(Map.of("items", othersOnly(adjustments.data().get("items"), "proposedBy", myself)), null));
        Panel jobs = Panel.read(() -> api.get(path("/api/v1/payroll/jobs", "status", "PENDING_APPROVAL",
                "limit", QUEUE_LENGTH)));
        model.addAttribute("jobs", jobs.refusal() != null ? jobs
                : new Panel(Map.of("items", othersOnly(jobs.data().get("jobs"), "createdBy", myself)), null));
        return "console/ops/inbox";
    }

    @PostMapping("/app/ops/adjustments/{adjustmentId}/approve")
    String approveAdjustment(@PathVariable UUID adjustmentId, RedirectAttributes flash) {
        return decideAdjustment(adjustmentId, "approve", Map.of(), "approval", flash);
    }

    @PostMapping("/app/ops/adjustments/{adjustmentId}/reject")
    String rejectAdjustment(@PathVariable UUID adjustmentId, @RequestParam String reason, RedirectAttributes flash) {
        return decideAdjustment(adjustmentId, "reject", Map.of("reason", reason.strip()), "rejection", flash);
    }

    private String decideAdjustment(UUID adjustmentId, String action, Map<String, Object> body, String what,
                                    RedirectAttributes flash) {
        FormOutcome.of(flash, "adjustment's " + what, "The adjustment's " + what + " was recorded.",
                () -> api.post("/api/v1/ops/adjustments/" + adjustmentId + "/" + action, body, null));
        return "redirect:/ops/inbox";
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> othersOnly(Object rows, String byField, String myself) {
        return ((List<Map<String, Object>>) rows).stream().filter(row -> !myself.equals(row.get(byField))).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> payments(String status) {
        return (List<Map<String, Object>>) api.get(path("/api/v1/ops/payments", "status", status,
                "limit", QUEUE_LENGTH)).get("payments");
    }

    private String act(UUID paymentId, String action, Map<String, Object> body, UUID idempotencyKey, String what,
                       RedirectAttributes flash) {
        FormOutcome.of(flash, what, "The " + what + " was recorded.", () -> api.post("/api/v1/ops/payments/"
                + paymentId + action, body, idempotencyKey == null ? null : idempotencyKey.toString()));
        return "redirect:/ops/payments/" + paymentId;
    }
}
