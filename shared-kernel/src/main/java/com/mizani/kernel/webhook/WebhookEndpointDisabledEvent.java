package com.mizani.kernel.webhook;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Mizani stopped sending to a webhook endpoint that failed every attempt for too long. An event of the store, not
 * only a row's change: it is in the audit trail, and the owner's other endpoints hear of it ({@code
 * webhook.endpoint_disabled}).
 *
 * @param owner        the principal the endpoint belongs to
 * @param failingSince when its attempts began to fail
 */
@Revision("1")
public record WebhookEndpointDisabledEvent(UUID endpointId, String owner, String reason, Instant failingSince) {

    public WebhookEndpointDisabledEvent {
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(reason, "reason");
    }
}
