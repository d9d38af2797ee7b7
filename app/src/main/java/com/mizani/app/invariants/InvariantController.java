package com.mizani.app.invariants;

import com.mizani.query.invariants.InvariantReport;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The invariant watchdog's findings for operations. */
@RestController
@RequestMapping("/api/v1/ops/invariants")
public class InvariantController {

    private final InvariantWatchdog watchdog;

    public InvariantController(InvariantWatchdog watchdog) {
        this.watchdog = watchdog;
    }

    /** Runs every check now; like a scheduled run, it counts its violations and moves the wallet rotation on. */
    @GetMapping
    public InvariantReport runNow() {
        return watchdog.run();
    }

    /** The last run's report, without checking again (a first run if there was none yet). */
    @GetMapping("/latest")
    public InvariantReport latest() {
        InvariantReport latest = watchdog.latest();
        return latest == null ? watchdog.run() : latest;
    }
}
