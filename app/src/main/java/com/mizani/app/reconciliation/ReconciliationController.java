package com.mizani.app.reconciliation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The reconciliation watchdog's findings for operations. */
@RestController
@RequestMapping("/api/v1/ops/reconciliation")
public class ReconciliationController {

    private final ReconciliationWatchdog watchdog;

    public ReconciliationController(ReconciliationWatchdog watchdog) {
        this.watchdog = watchdog;
    }

    public record Findings(ReconciliationReport latest, List<ReconciliationReport> recentDifferences) {
    }

    @GetMapping
    public Findings findings() {
        ReconciliationReport latest = watchdog.latest();
        return new Findings(latest == null ? watchdog.run() : latest, watchdog.recentDifferences());
    }

    /** Runs a comparison now rather than at the next scheduled one. */
    @PostMapping("/run")
    public ReconciliationReport runNow() {
        return watchdog.run();
    }
}
