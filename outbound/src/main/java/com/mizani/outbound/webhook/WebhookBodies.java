package com.mizani.outbound.webhook;

import com.mizani.outbound.event.PublicEvent;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** A public event's JSON, as stored once and signed and sent to every endpoint byte for byte. */
@Component
public class WebhookBodies {

    private final JsonMapper json;

    public WebhookBodies(JsonMapper json) {
        this.json = json;
    }

    public byte[] of(PublicEvent event) {
        return json.writeValueAsBytes(event);
    }
}
