package com.mizani.outbound.webhook;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.error.Refuses;
import com.mizani.kernel.identity.Caller;
import com.mizani.outbound.event.PublicEventType;
import com.mizani.query.support.Instants;
import com.mizani.query.support.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A client's webhook endpoints (docs/webhooks.md): register, list, change, disable, delete, rotate the secret,
 * see every attempt and delivery, redeliver and ping. Each endpoint is its registering principal's: any other
 * is answered 404, as if it did not exist.
 */
@RestController
@RequestMapping("/api/v1/webhooks")
@Tag(name = "Webhooks")
public class WebhookEndpointController {

    private static final String TYPES = "Public event types to receive (GET /api/v1/webhooks/event-types), or "
            + "[\"*\"] for all; at least one.";
    private static final Set<String> STATES = Set.of(WebhookDeliveries.PENDING, WebhookDeliveries.DELIVERED,
            WebhookDeliveries.DEAD);

    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    @Parameter(description = "The endpoint's id.", schema = @Schema(type = "string", format = "uuid"))
    @interface EndpointId {
    }

    private final WebhookEndpointAdmin admin;
    private final WebhookAttempts attempts;
    private final WebhookDeliveries deliveries;
    private final Redeliveries redeliveries;

    public WebhookEndpointController(WebhookEndpointAdmin admin, WebhookAttempts attempts,
                                     WebhookDeliveries deliveries, Redeliveries redeliveries) {
        this.admin = admin;
        this.attempts = attempts;
        this.deliveries = deliveries;
        this.redeliveries = redeliveries;
    }

    public record EndpointRequest(
            @Schema(description = "Where to POST the events: an absolute http or https URL of a public address "
                    + "(private, loopback and link-local ones are refused unless mizani.webhooks.allowed-networks "
                    + "holds them); redirects are not followed.", maxLength = EndpointUrls.MAX_LENGTH,
                    requiredMode = Schema.RequiredMode.REQUIRED) String url,
            @ArraySchema(arraySchema = @Schema(description = TYPES, requiredMode = Schema.RequiredMode.REQUIRED),
                    minItems = 1, maxItems = WebhookEndpointAdmin.MAX_EVENT_TYPES) List<String> eventTypes,
            @Schema(description = "What the endpoint is for, up to 500 characters.",
                    maxLength = WebhookEndpointAdmin.MAX_DESCRIPTION) String description) {
    }

    /** An endpoint as its owner sees it: never its secret. */
    public record EndpointView(
            UUID endpointId, String url, List<String> eventTypes, String description,
            @Schema(allowableValues = {"ENABLED", "DISABLED"}) String status,
            @Schema(description = "Why it is disabled: by its owner, or by Mizani after failing for too long.")
            String disabledReason,
            @Schema(description = "Since when every attempt to it has failed; absent while it answers.")
            Instant failingSince,
            @Schema(description = "After a rotation: until when the previous secret still signs.")
            Instant previousSecretExpiresAt,
            Instant createdAt, Instant updatedAt) {

        static EndpointView of(WebhookEndpoints.Endpoint endpoint) {
            Instant previous = endpoint.previousSecretExpiresAt() != null
                    && endpoint.previousSecretExpiresAt().isAfter(Instant.now()) ? endpoint.previousSecretExpiresAt() : null;
            return new EndpointView(endpoint.id(), endpoint.url(), endpoint.eventTypes(), endpoint.description(),
                    endpoint.enabled() ? "ENABLED" : "DISABLED", endpoint.disabledReason(), endpoint.failingSince(),
                    previous, endpoint.createdAt(), endpoint.updatedAt());
        }
    }

    /** A new endpoint with its secret: the one answer in which the secret appears. */
    public record NewEndpoint(UUID endpointId, String url, List<String> eventTypes, String description,
                              @Schema(allowableValues = {"ENABLED"}) String status, Instant createdAt,
                              @Schema(description = "The signing secret, whsec_ and base64: shown this once.")
                              String secret) {
    }

    public record Endpoints(List<EndpointView> items) {
    }

    public record RotatedSecret(UUID endpointId,
                                @Schema(description = "The new signing secret: shown this once.") String secret,
                                @Schema(description = "Until when the previous secret still signs, beside the new one.")
                                Instant previousSecretExpiresAt) {
    }

    public record RotateRequest(@Schema(description = "How long the previous secret keeps signing, 0 to 604800 "
            + "seconds; default mizani.webhooks.secret-grace (24 hours).") Long graceSeconds) {
    }

    public record RedeliveryRequest(
            @Schema(description = "One event again, by its id (the webhook-id it was sent with).") String eventId,
            @Schema(description = "Every subscribed event from this store position on.", minimum = "0")
            Long fromPosition,
            @Schema(description = "Every subscribed event stored at or after this instant.") String since) {
    }

    public record Ping(@Schema(description = "The test message's id, its webhook-id.") String eventId) {
    }

    public record EventTypeView(String type, String description,
                                @Schema(description = "The data field naming the resource whose events arrive in "
                                        + "order, and the Kafka key.") String orderedBy) {
    }

    @Operation(operationId = "listEventTypes", summary = "List the public event types",
            description = "Every public event type an endpoint can subscribe to, with what it tells and the "
                    + "resource its order is kept by. docs/events.md has each one's fields (JSON Schema).")
    @GetMapping("/event-types")
    public List<EventTypeView> eventTypes() {
        return Arrays.stream(PublicEventType.values())
                .map(type -> new EventTypeView(type.wireName(), type.description(), type.resourceField())).toList();
    }

    @Operation(operationId = "createWebhookEndpoint", summary = "Register a webhook endpoint",
            description = "Registers a URL to receive the public events of the given types stored from now on, "
                    + "each POSTed with Standard Webhooks signature headers. The answer holds the signing secret, "
                    + "and no later answer does. A service's call; the endpoint is its own.")
    @ApiResponse(responseCode = "201", description = "The endpoint with its secret shown this once; Location is the "
            + "endpoint.", useReturnTypeSchema = true)
    @Refuses({ErrorCode.WEBHOOK_URL_NOT_ALLOWED, ErrorCode.UNKNOWN_EVENT_TYPE, ErrorCode.VALIDATION_FAILED,
            ErrorCode.WEBHOOK_ENDPOINT_LIMIT})
    @PostMapping("/endpoints")
    public ResponseEntity<NewEndpoint> create(@io.swagger.v3.oas.annotations.parameters.RequestBody(
            description = "The endpoint.", required = true) @RequestBody EndpointRequest request, Caller caller) {
        WebhookEndpoints.Endpoint endpoint = admin.register(caller.principal(), request.url(), request.eventTypes(),
                request.description());
        return ResponseEntity.created(URI.create("/api/v1/webhooks/endpoints/" + endpoint.id()))
                .body(new NewEndpoint(endpoint.id(), endpoint.url(), endpoint.eventTypes(), endpoint.description(),
                        "ENABLED", endpoint.createdAt(), endpoint.secret()));
    }

    @Operation(operationId = "listWebhookEndpoints", summary = "List your webhook endpoints",
            description = "The caller's endpoints in the order they were registered; never a secret.")
    @GetMapping("/endpoints")
    public Endpoints list(Caller caller) {
        return new Endpoints(admin.list(caller.principal()).stream().map(EndpointView::of).toList());
    }

    @Operation(operationId = "getWebhookEndpoint", summary = "Get a webhook endpoint",
            description = "One of the caller's endpoints; never its secret.")
    @Refuses({ErrorCode.WEBHOOK_ENDPOINT_NOT_FOUND})
    @GetMapping("/endpoints/{endpointId}")
    public EndpointView get(@EndpointId @PathVariable UUID endpointId, Caller caller) {
        return EndpointView.of(admin.get(caller.principal(), endpointId));
    }

    @Operation(operationId = "updateWebhookEndpoint", summary = "Change a webhook endpoint",
            description = "Replaces the endpoint's URL, event types and description. Deliveries already made go "
                    + "to the new URL from their next attempt; the new types apply to events not yet fanned out.")
    @Refuses({ErrorCode.WEBHOOK_ENDPOINT_NOT_FOUND, ErrorCode.WEBHOOK_URL_NOT_ALLOWED, ErrorCode.UNKNOWN_EVENT_TYPE,
            ErrorCode.VALIDATION_FAILED})
    @PutMapping("/endpoints/{endpointId}")
    public EndpointView update(@EndpointId @PathVariable UUID endpointId,
                               @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The endpoint as "
                                       + "it is to be.", required = true) @RequestBody EndpointRequest request,
                               Caller caller) {
        return EndpointView.of(admin.update(caller.principal(), endpointId, request.url(), request.eventTypes(),
                request.description()));
    }

    @Operation(operationId = "deleteWebhookEndpoint", summary = "Delete a webhook endpoint",
            description = "Removes the endpoint with its pending deliveries and its attempts. Nothing more is sent "
                    + "to it.")
    @ApiResponse(responseCode = "204", description = "Deleted.")
    @Refuses({ErrorCode.WEBHOOK_ENDPOINT_NOT_FOUND})
    @DeleteMapping("/endpoints/{endpointId}")
    public ResponseEntity<Void> delete(@EndpointId @PathVariable UUID endpointId, Caller caller) {
        admin.delete(caller.principal(), endpointId);
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "disableWebhookEndpoint", summary = "Disable a webhook endpoint",
            description = "Stops sending to the endpoint and fanning new events out to it; its pending deliveries "
                    + "wait. Disabling a disabled endpoint changes nothing.")
    @Refuses({ErrorCode.WEBHOOK_ENDPOINT_NOT_FOUND})
    @PostMapping("/endpoints/{endpointId}/disable")
    public EndpointView disable(@EndpointId @PathVariable UUID endpointId, Caller caller) {
        return EndpointView.of(admin.setEnabled(caller.principal(), endpointId, false));
    }

    @Operation(operationId = "enableWebhookEndpoint", summary = "Enable a webhook endpoint",
            description = "Sends to the endpoint again, its waiting deliveries first; events stored while it was "
                    + "disabled are not fanned out to it: redeliver them from a position or a time.")
    @Refuses({ErrorCode.WEBHOOK_ENDPOINT_NOT_FOUND})
    @PostMapping("/endpoints/{endpointId}/enable")
    public EndpointView enable(@EndpointId @PathVariable UUID endpointId, Caller caller) {
        return EndpointView.of(admin.setEnabled(caller.principal(), endpointId, true));
    }

    @Operation(operationId = "rotateWebhookSecret", summary = "Rotate a webhook endpoint's secret",
            description = "Makes a new signing secret, shown in this answer only. For the grace period each message "
                    + "carries two signatures, by the new secret and by the old, so that the receiver can switch "
                    + "without losing a message.")
    @Refuses({ErrorCode.WEBHOOK_ENDPOINT_NOT_FOUND, ErrorCode.VALIDATION_FAILED})
    @PostMapping("/endpoints/{endpointId}/rotate-secret")
    public RotatedSecret rotate(@EndpointId @PathVariable UUID endpointId,
                                @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "Optional: the "
                                        + "grace period.") @RequestBody(required = false) RotateRequest request,
                                Caller caller) {
        WebhookEndpoints.Endpoint rotated = admin.rotate(caller.principal(), endpointId,
                request == null ? null : request.graceSeconds());
        return new RotatedSecret(rotated.id(), rotated.secret(), rotated.previousSecretExpiresAt());
    }

    @Operation(operationId = "listWebhookAttempts", summary = "List a webhook endpoint's attempts",
            description = "Every request made to the endpoint, newest first: when, the event, the HTTP status or the "
                    + "error when no answer came, the latency, the first 512 bytes of the answer, and what became "
                    + "of the delivery (DELIVERED, RETRYING, DEAD). Kept for mizani.webhooks.retention.")
    @Refuses({ErrorCode.WEBHOOK_ENDPOINT_NOT_FOUND, ErrorCode.INVALID_CURSOR, ErrorCode.VALIDATION_FAILED})
    @GetMapping("/endpoints/{endpointId}/attempts")
    public Page<WebhookAttempts.Attempt> attempts(@EndpointId @PathVariable UUID endpointId,
                                                  @RequestParam(required = false) Integer limit,
                                                  @RequestParam(required = false) String cursor, Caller caller) {
        admin.get(caller.principal(), endpointId);
        int pageSize = Page.checkedLimit(limit);
        List<WebhookAttempts.Attempt> page = attempts.list(endpointId, Page.decodeCursor(cursor), pageSize);
        return new Page<>(page, page.size() < pageSize ? null : Page.encodeCursor(page.getLast().attemptId()));
    }

    @Operation(operationId = "listWebhookDeliveries", summary = "List a webhook endpoint's deliveries",
            description = "The endpoint's deliveries newest first, optionally of one state: PENDING (to be sent, "
                    + "with the time of the next attempt), DELIVERED, or DEAD (the dead letters: every attempt of "
                    + "the retry schedule failed). Redeliver one by its eventId.")
    @Refuses({ErrorCode.WEBHOOK_ENDPOINT_NOT_FOUND, ErrorCode.INVALID_CURSOR, ErrorCode.VALIDATION_FAILED})
    @GetMapping("/endpoints/{endpointId}/deliveries")
    public Page<WebhookDeliveries.Delivery> deliveries(
            @EndpointId @PathVariable UUID endpointId,
            @Parameter(description = "Only deliveries in this state.",
                    schema = @Schema(allowableValues = {"PENDING", "DELIVERED", "DEAD"}))
            @RequestParam(required = false) String state,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
            Caller caller) {
        admin.get(caller.principal(), endpointId);
        if (state != null && !STATES.contains(state)) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED, "state must be PENDING, DELIVERED or DEAD");
        }
        int pageSize = Page.checkedLimit(limit);
        List<WebhookDeliveries.Delivery> page = deliveries.list(endpointId, state, Page.decodeCursor(cursor),
                pageSize);
        return new Page<>(page, page.size() < pageSize ? null : Page.encodeCursor(page.getLast().deliveryId()));
    }

    @Operation(operationId = "redeliverWebhooks", summary = "Redeliver events to a webhook endpoint",
            description = "Sends events again, read from the event store, each with its original id: exactly one "
                    + "of eventId (that event), fromPosition (every subscribed event from that position) or since "
                    + "(every subscribed event stored from that instant). One request reads at most "
                    + "mizani.webhooks.redelivery-max-events events of the store; when it stops short it says so and "
                    + "answers the nextPosition to ask from. Works on a disabled endpoint too: the deliveries wait "
                    + "until it is enabled.")
    @ApiResponse(responseCode = "202", description = "Queued: how many deliveries, and the positions read.",
            useReturnTypeSchema = true)
    @Refuses({ErrorCode.WEBHOOK_ENDPOINT_NOT_FOUND, ErrorCode.EVENT_NOT_FOUND, ErrorCode.VALIDATION_FAILED})
    @PostMapping("/endpoints/{endpointId}/redeliveries")
    public ResponseEntity<Redeliveries.Redelivery> redeliver(
            @EndpointId @PathVariable UUID endpointId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "What to send again.", required = true)
            @RequestBody RedeliveryRequest request, Caller caller) {
        WebhookEndpoints.Endpoint endpoint = admin.get(caller.principal(), endpointId);
        int given = (request.eventId() == null ? 0 : 1) + (request.fromPosition() == null ? 0 : 1)
                + (request.since() == null ? 0 : 1);
        if (given != 1) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED,
                    "give exactly one of eventId, fromPosition and since");
        }
        Redeliveries.Redelivery redelivery;
        if (request.eventId() != null) {
            if (request.eventId().isBlank() || request.eventId().length() > 100) {
                throw new MizaniException(ErrorCode.VALIDATION_FAILED, "eventId must be 1 to 100 characters");
            }
            redelivery = redeliveries.redeliverEvent(endpoint, request.eventId());
        } else if (request.fromPosition() != null) {
            if (request.fromPosition() < 0) {
                throw new MizaniException(ErrorCode.VALIDATION_FAILED, "fromPosition must be 0 or more");
            }
            redelivery = redeliveries.redeliverFrom(endpoint, request.fromPosition());
        } else {
            redelivery = redeliveries.redeliverSince(endpoint, Instants.parse("since", request.since()));
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(redelivery);
    }

    @Operation(operationId = "pingWebhookEndpoint", summary = "Send a test message to a webhook endpoint",
            description = "Sends a webhook.ping message, signed and retried like any other; its attempts show "
                    + "whether the endpoint took it.")
    @ApiResponse(responseCode = "202", description = "Queued: the message's id.", useReturnTypeSchema = true)
    @Refuses({ErrorCode.WEBHOOK_ENDPOINT_NOT_FOUND, ErrorCode.WEBHOOK_ENDPOINT_DISABLED})
    @PostMapping("/endpoints/{endpointId}/ping")
    public ResponseEntity<Ping> ping(@EndpointId @PathVariable UUID endpointId, Caller caller) {
        String pingId = redeliveries.ping(admin.get(caller.principal(), endpointId));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Ping(pingId));
    }
}
