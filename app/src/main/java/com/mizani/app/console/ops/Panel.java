package com.mizani.app.console.ops;

import com.mizani.app.console.ApiRefusal;

import java.util.Map;
import java.util.function.Supplier;

/**
 * What one part of a page read through the API, or why the person's role may not read it: the rest of the page still
 * shows.
 *
 * @param data    what the API answered, or null
 * @param refusal the API's refusal (403, 404) or unavailability (503) in its words, or null
 */
record Panel(Map<String, Object> data, String refusal) {

    static Panel read(Supplier<Map<String, Object>> read) {
        try {
            return new Panel(read.get(), null);
        } catch (ApiRefusal refused) {
            // 503: what the panel reads is unavailable now (the audit views' MongoDB, say); the page still shows.
            if (refused.status() == 403 || refused.status() == 404 || refused.status() == 503) {
                return new Panel(null, refused.getMessage());
            }
            throw refused;
        }
    }
}
