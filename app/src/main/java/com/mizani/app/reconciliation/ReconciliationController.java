package com.mizani.app.reconciliation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The reconciliation watchdog's findings for operations. */
@RestController
@RequestMapping("/api/v1/ops/reconciliation")
@Tag(name = "Operations")
public class ReconciliationController {

    private final ReconciliationWatchdog watchdog;

    public ReconciliationController(ReconciliationWatchdog watchdog) {
        this.watchdog = watchdog;
    }

    public record Findings(ReconciliationReport latest, List<ReconciliationReport> recentDifferences) {
    }

    @Operation(operationId = "getReconciliation", summary = "Get the reconciliation with the provider",
            description = "The latest comparison of our M-Pesa settlement account with the provider's statement (a "
                    + "first one is run if none ran yet), and the recent ones that differed. Each says both sides' "
                    + "net paid amounts and the difference, in KES cents, and an outcome: MATCHED, PENDING (open or "
                    + "reviewed payments or open incidents account for it), MISMATCH (nothing does), or UNAVAILABLE "
                    + "(the statement could not be read); a difference lists the payments behind it. The comparison "
                    + "runs every minute by default. For operators and auditors.")
    @GetMapping
    public Findings findings() {
        ReconciliationReport latest = watchdog.latest();
        return new Findings(latest == null ? watchdog.run() : latest, watchdog.recentDifferences());
    }

    /** Runs a comparison now rather than at the next scheduled one. */
    @Operation(operationId = "runReconciliation", summary = "Reconcile with the provider now",
            description = "Runs the comparison of our M-Pesa settlement account with the provider's statement now "
                    + "instead of at the next scheduled run, and answers its report; it becomes the latest. For each "
                    + "final payout behind a difference that nothing accounts for, the provider is asked for its "
                    + "status again, and its answer comes by callback. An operator's call; it moves no money.")
    @PostMapping("/run")
    public ReconciliationReport runNow() {
        return watchdog.run();
    }
}
