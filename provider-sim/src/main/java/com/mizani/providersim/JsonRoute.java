package com.mizani.providersim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds {@link Endpoint}s to one exact path (or, made with {@link #under}, to the paths below one), one per
 * method, and turns their {@link Answer} (or refusal) into the HTTP response. HttpServer contexts match by prefix,
 * so the path check here is what makes other paths 404.
 */
final class JsonRoute implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(JsonRoute.class);

    private final String path;
    private final boolean below;
    private final Map<String, Endpoint> endpointByMethod = new LinkedHashMap<>();

    JsonRoute(String path) {
        this(path, false);
    }

    private JsonRoute(String path, boolean below) {
        this.path = path;
        this.below = below;
    }

    /** A route for the paths {@code prefix + something}, such as {@code /simulator/transactions/{id}}. */
    static JsonRoute under(String prefix) {
        if (!prefix.endsWith("/")) {
            throw new IllegalArgumentException("a prefix route ends with /: " + prefix);
        }
        return new JsonRoute(prefix, true);
    }

    JsonRoute on(String method, Endpoint endpoint) {
        endpointByMethod.put(method, endpoint);
        return this;
    }

    String path() {
        return path;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Answer answer = answerFor(exchange);
            if (answer instanceof Answer.Reply reply) {
                write(exchange, reply);
            }
            // Answer.Dropped: closing the exchange before any response headers closes the connection itself.
        }
    }

    private Answer answerFor(HttpExchange exchange) {
        String requested = exchange.getRequestURI().getPath();
        boolean matches = below ? requested.startsWith(path) && requested.length() > path.length() : requested.equals(path);
        if (!matches) {
            return Answer.json(404, DarajaBodies.error("404.001.01", "Resource not found"));
        }
        Endpoint endpoint = endpointByMethod.get(exchange.getRequestMethod().toUpperCase(Locale.ROOT));
        if (endpoint == null) {
            return Answer.json(405, DarajaBodies.error("405.001.01", "Method not allowed: use " + endpointByMethod.keySet()));
        }
        try {
            return endpoint.answer(exchange);
        } catch (InvalidRequestException invalid) {
            return Answer.json(400, DarajaBodies.error("400.002.02", "Bad Request - " + invalid.getMessage()));
        } catch (Exception unexpected) {
            log.error("{} {} failed", exchange.getRequestMethod(), path, unexpected);
            return Answer.json(500, DarajaBodies.error("500.003.02", "Internal Server Error"));
        }
    }

    private static void write(HttpExchange exchange, Answer.Reply reply) throws IOException {
        byte[] body = Json.bytes(reply.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
