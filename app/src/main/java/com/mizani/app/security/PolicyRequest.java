package com.mizani.app.security;

import com.mizani.app.web.RequestSizeLimitFilter;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * A request as the access policy sees it: its path variables, as the rule's template names them, and its JSON body,
 * parsed at most once and only if a rule asks.
 */
final class PolicyRequest {

    private final HttpServletRequest request;
    private final Map<String, String> pathVariables;
    private final JsonMapper json;
    private Optional<JsonNode> body;
    private boolean tooLarge;

    PolicyRequest(HttpServletRequest request, Map<String, String> pathVariables, JsonMapper json) {
        this.request = request;
        this.pathVariables = pathVariables;
        this.json = json;
    }

    String pathVariable(String name) {
        return pathVariables.get(name);
    }

    /** A query parameter (policies read it on GET only, where no form body can stand in for the query). */
    String queryParameter(String name) {
        return request.getParameter(name);
    }

    /** The body's top-level text field, if the body is a JSON object that has one. */
    Optional<String> bodyText(String field) {
        return body().map(node -> node.get(field)).filter(JsonNode::isString).map(JsonNode::asString);
    }

    /** Whether the body is a JSON object; the controller refuses anything else as malformed anyway. */
    boolean bodyIsObject() {
        return body().isPresent();
    }

    /** Whether the body grew past the size limit while it was read. */
    boolean bodyTooLarge() {
        body();
        return tooLarge;
    }

    private Optional<JsonNode> body() {
        if (body == null) {
            body = parse();
        }
        return body;
    }

    private Optional<JsonNode> parse() {
        try {
            byte[] bytes = ReplayableBody.of(request);
            if (bytes.length == 0) {
                return Optional.empty();
            }
            JsonNode node = json.readTree(bytes);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (RequestSizeLimitFilter.BodyTooLarge oversized) {
            tooLarge = true;
            return Optional.empty();
        } catch (JacksonException | IOException unreadable) {
            return Optional.empty();
        }
    }
}
