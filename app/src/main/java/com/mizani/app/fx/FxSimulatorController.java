package com.mizani.app.fx;

import com.mizani.command.fx.rates.SimulatedRates;
import com.mizani.command.fx.rates.SimulatorFault;
import com.mizani.command.fx.rates.SimulatorFaultKnob;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.error.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fault knob of the embedded FX rate simulator: how to see what depends on rates fail without a real provider
 * failing. It exists where the simulator does (local mode, no rate provider); elsewhere the path is answered 404.
 */
@RestController
@RequestMapping(FxSimulatorController.PATH)
@ConditionalOnSimulatedRates
@Tag(name = "Admin")
public class FxSimulatorController {

    static final String PATH = "/api/v1/admin/fx-simulator";

    private static final String LOCAL_ONLY = " Only in local mode with the embedded rate simulator (no "
            + "mizani.fx.rates.base-url); an admin's call.";
    private static final String FAULTS = "NONE: current rates; OUTAGE: every rate request is refused with 503 "
            + "FX_UNAVAILABLE and Retry-After; STALE: rates come fixed a day ago, which the freshness check refuses "
            + "the same way.";

    private final SimulatorFaultKnob fault;
    private final SimulatedRates rates;

    public FxSimulatorController(SimulatorFaultKnob fault, SimulatedRates rates) {
        this.fault = fault;
        this.rates = rates;
    }

    /**
     * @param fault the simulator's fault now
     * @param pairs the table's rates as given, one direction of each pair; the inverses are derived from them
     */
    public record SimulatorState(
            @Schema(description = "The simulator's fault now. " + FAULTS,
                    allowableValues = {"NONE", "OUTAGE", "STALE"}) String fault,
            @Schema(description = "The mid-market rates of the simulator's table by pair (FROM-TO: how many TO one "
                    + "FROM buys), as decimal strings, one direction of each pair; the inverse of each is derived "
                    + "from it.", example = "{\"USD-KES\":\"129.20\",\"KES-UGX\":\"28.25\"}")
            Map<String, String> pairs) {
    }

    /** @param fault the fault to switch to */
    public record FaultChange(
            @Schema(description = "The fault to switch to. " + FAULTS, allowableValues = {"NONE", "OUTAGE", "STALE"},
                    requiredMode = Schema.RequiredMode.REQUIRED) String fault) {
    }

    @Operation(operationId = "getFxSimulator", summary = "Show the FX rate simulator's fault and rates",
            description = "The embedded FX rate simulator's fault and its table of rates." + LOCAL_ONLY)
    @GetMapping
    public SimulatorState state() {
        return stateNow();
    }

    @Operation(operationId = "setFxSimulatorFault", summary = "Switch the FX rate simulator's fault",
            description = "Switches the embedded FX rate simulator's fault, at once, for every later rate request; "
                    + "the same fault again changes nothing. " + FAULTS + " Forgotten at restart, where "
                    + "mizani.fx.rates.simulator.fault applies." + LOCAL_ONLY)
    @ApiResponse(responseCode = "200", description = "The fault now in force, and the rates.",
            useReturnTypeSchema = true)
    @Refuses(ErrorCode.VALIDATION_FAILED)
    @PutMapping
    public SimulatorState changeFault(@io.swagger.v3.oas.annotations.parameters.RequestBody(
                                              description = "The fault to switch to.", required = true)
                                      @RequestBody FaultChange change) {
        // A body of JSON null binds no object at all.
        fault.set(parse(change == null ? null : change.fault()));
        return stateNow();
    }

    private SimulatorState stateNow() {
        Map<String, String> pairs = new LinkedHashMap<>();
        rates.given().forEach((pair, rate) -> pairs.put(pair.toString(), rate.toPlainString()));
        return new SimulatorState(fault.current().name(), pairs);
    }

    private static SimulatorFault parse(String fault) {
        for (SimulatorFault candidate : SimulatorFault.values()) {
            if (candidate.name().equals(fault)) {
                return candidate;
            }
        }
        throw new MizaniException(ErrorCode.VALIDATION_FAILED, "fault must be NONE, OUTAGE or STALE");
    }
}
