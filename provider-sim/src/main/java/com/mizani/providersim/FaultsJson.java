package com.mizani.providersim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reads fault settings from JSON as a partial update: knobs left out keep their current values. */
final class FaultsJson {

    private FaultsJson() {
    }

    static Faults merge(Faults current, JsonNode changes) {
        if (changes == null || !changes.isObject()) {
            throw new InvalidRequestException("Invalid faults: expected a JSON object");
        }
        // Jackson would quietly read null as 0 (or false) for these primitive knobs.
        changes.properties().forEach(knob -> {
            if (knob.getValue().isNull()) {
                throw new InvalidRequestException("Invalid faults: " + knob.getKey() + " must not be null");
            }
        });
        ObjectNode merged = Json.MAPPER.valueToTree(current);
        merged.setAll((ObjectNode) changes);
        try {
            // Unknown knobs fail here (the mapper rejects unknown properties), so a typo is not silently ignored.
            return Json.MAPPER.treeToValue(merged, Faults.class);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException invalid ? invalid : e;
            throw new InvalidRequestException("Invalid faults: " + firstLine(cause.getMessage()));
        }
    }

    static ObjectNode toJson(Faults faults) {
        return Json.MAPPER.valueToTree(faults);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
