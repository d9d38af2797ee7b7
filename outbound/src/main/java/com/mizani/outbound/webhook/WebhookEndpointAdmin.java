package com.mizani.outbound.webhook;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.outbound.event.PublicEventType;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Registering and changing a principal's webhook endpoints: what may be registered, checked here once for the
 * controller and any other caller. An endpoint belongs to the principal that registered it; to every other one it
 * does not exist (404).
 */
@Service
public class WebhookEndpointAdmin {

    static final int MAX_EVENT_TYPES = 60;
    static final int MAX_DESCRIPTION = 500;
    static final long MAX_GRACE_SECONDS = 7 * 24 * 3600;

    private final WebhookEndpoints endpoints;
    private final EndpointUrls urls;
    private final WebhookSettings settings;
    private final EventStore eventStore;

    public WebhookEndpointAdmin(WebhookEndpoints endpoints, EndpointUrls urls, WebhookSettings settings,
                                EventStore eventStore) {
        this.endpoints = endpoints;
        this.urls = urls;
        this.settings = settings;
        this.eventStore = eventStore;
    }

    /** A new endpoint with its secret: the one time the secret is told. It receives the events stored after now. */
    public WebhookEndpoints.Endpoint register(String owner, String url, List<String> eventTypes, String description) {
        String checkedUrl = urls.checked(url).toString();
        List<String> types = checkedTypes(eventTypes);
        String checkedDescription = checkedDescription(description);
        if (endpoints.countOf(owner) >= settings.maxEndpointsPerOwner()) {
            throw new MizaniException(ErrorCode.WEBHOOK_ENDPOINT_LIMIT, "a principal may register at most "
                    + settings.maxEndpointsPerOwner() + " webhook endpoints (mizani.webhooks.max-endpoints-per-owner)");
        }
        Instant now = Instant.now();
        TrackingToken headToken = eventStore.createHeadToken();
        long head = headToken == null ? -1 : headToken.position().orElse(-1L);
        WebhookEndpoints.Endpoint endpoint = new WebhookEndpoints.Endpoint(UUID.randomUUID(), owner, checkedUrl,
                checkedDescription, types, WebhookSecrets.generate(), null, null, true, null, head, null, now, now);
        endpoints.insert(endpoint, owner);
        return endpoint;
    }

    public WebhookEndpoints.Endpoint get(String owner, UUID id) {
        return endpoints.find(owner, id).orElseThrow(() -> notFound(id));
    }

    public List<WebhookEndpoints.Endpoint> list(String owner) {
        return endpoints.list(owner);
    }

    public WebhookEndpoints.Endpoint update(String owner, UUID id, String url, List<String> eventTypes,
                                            String description) {
        get(owner, id);
        String checkedUrl = urls.checked(url).toString();
        if (!endpoints.update(owner, id, checkedUrl, checkedTypes(eventTypes), checkedDescription(description),
                Instant.now())) {
            throw notFound(id);
        }
        return get(owner, id);
    }

    public WebhookEndpoints.Endpoint setEnabled(String owner, UUID id, boolean enabled) {
        if (!endpoints.setEnabled(owner, id, enabled, "disabled by " + owner, Instant.now())) {
            throw notFound(id);
        }
        return get(owner, id);
    }

    public void delete(String owner, UUID id) {
        if (!endpoints.delete(owner, id)) {
            throw notFound(id);
        }
    }

    /** A new secret, told this once; the old one signs beside it for {@code graceSeconds} (default secret-grace). */
    public WebhookEndpoints.Endpoint rotate(String owner, UUID id, Long graceSeconds) {
        Duration grace = settings.secretGrace();
        if (graceSeconds != null) {
            if (graceSeconds < 0 || graceSeconds > MAX_GRACE_SECONDS) {
                throw new MizaniException(ErrorCode.VALIDATION_FAILED,
                        "graceSeconds must be between 0 and " + MAX_GRACE_SECONDS);
            }
            grace = Duration.ofSeconds(graceSeconds);
        }
        Instant now = Instant.now();
        if (!endpoints.rotate(owner, id, WebhookSecrets.generate(), now.plus(grace), now)) {
            throw notFound(id);
        }
        return get(owner, id);
    }

    static List<String> checkedTypes(List<String> eventTypes) {
        if (eventTypes == null || eventTypes.isEmpty()) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED,
                    "eventTypes is required: the public event types to receive, or [\"*\"] for all");
        }
        if (eventTypes.size() > MAX_EVENT_TYPES) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED, "eventTypes holds at most " + MAX_EVENT_TYPES);
        }
        Set<String> types = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String type : eventTypes) {
            if (type == null || !(PublicEventType.ALL.equals(type) || PublicEventType.ofWireName(type).isPresent())) {
                unknown.add(type == null ? "null" : type.length() > 60 ? type.substring(0, 60) + "…" : type);
            } else {
                types.add(type);
            }
        }
        if (!unknown.isEmpty()) {
            throw new MizaniException(ErrorCode.UNKNOWN_EVENT_TYPE, "not public event types: " + unknown
                    + " (GET /api/v1/webhooks/event-types lists them)");
        }
        return List.copyOf(types);
    }

    static String checkedDescription(String description) {
        if (description == null) {
            return "";
        }
        if (description.length() > MAX_DESCRIPTION || description.chars().anyMatch(Character::isISOControl)) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED,
                    "description must be at most " + MAX_DESCRIPTION + " characters, without control characters");
        }
        return description.strip();
    }

    static MizaniException notFound(UUID id) {
        return new MizaniException(ErrorCode.WEBHOOK_ENDPOINT_NOT_FOUND, "no webhook endpoint " + id);
    }
}
