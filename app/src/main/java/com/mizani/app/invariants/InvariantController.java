package com.mizani.app.invariants;

import com.mizani.query.invariants.InvariantReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The invariant watchdog's findings for operations. */
@RestController
@RequestMapping("/api/v1/ops/invariants")
@Tag(name = "Operations")
public class InvariantController {

    private final InvariantWatchdog watchdog;

    public InvariantController(InvariantWatchdog watchdog) {
        this.watchdog = watchdog;
    }

    /** Runs every check now; like a scheduled run, it counts its violations and moves the wallet rotation on. */
    @Operation(operationId = "checkInvariants", summary = "Check the ledger's invariants now",
            description = "Runs every invariant check now and answers its report: every currency sums to zero, "
                    + "wallets' projected balances match their events (a slice of the wallets per run, walking "
                    + "through all of them over successive runs), no wallet is negative, and no money sits in transit "
                    + "too long. Like a scheduled run, it counts its violations in the metrics and moves the wallet "
                    + "rotation on. For operators and auditors; GET .../latest reads the last report without "
                    + "checking again.")
    @GetMapping
    public InvariantReport runNow() {
        return watchdog.run();
    }

    /** The last run's report, without checking again (a first run if there was none yet). */
    @Operation(operationId = "getLatestInvariantReport", summary = "Get the last invariant report",
            description = "The report of the last invariant run, scheduled (every minute by default) or on demand, "
                    + "without checking again; a first run if there was none yet. For operators and auditors.")
    @GetMapping("/latest")
    public InvariantReport latest() {
        InvariantReport latest = watchdog.latest();
        return latest == null ? watchdog.run() : latest;
    }
}
