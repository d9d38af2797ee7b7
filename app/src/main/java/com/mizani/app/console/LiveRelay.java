package com.mizani.app.console;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Live status on a page: the API's own status stream for the resource, read with the person's token, each status
 * re-sent to the browser as the HTML of the page's status fragment (htmx's SSE extension swaps it in). The
 * fragment is rendered outside the request, so it uses no link expressions. The stream
 * ends when the API's does: after a final status, or when either side hangs up.
 */
public final class LiveRelay {

    private static final Logger log = LoggerFactory.getLogger(LiveRelay.class);
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final long TIMEOUT_MS = Duration.ofMinutes(30).toMillis();

    private final ConsoleApi api;
    private final TemplateEngine templates;
    private final JsonMapper json;

    public LiveRelay(ConsoleApi api, TemplateEngine templates, JsonMapper json) {
        this.api = api;
        this.templates = templates;
        this.json = json;
    }

    /**
     * Opens the API's stream now (on the request's thread, which holds the sign-in) and relays it on a thread of its
     * own, rendering each status with {@code template :: fragment} and the model made of the status's data.
     */
    public SseEmitter relay(String apiPath, String template, String fragment,
                            Function<Map<String, Object>, Map<String, Object>> model) {
        Stream<String> lines = api.stream(apiPath);
        SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
        Thread.ofVirtual().name("console-live").start(() -> {
            try (lines) {
                relay(lines.iterator(), emitter, template, fragment, model);
                // The page closes its connection on this, rather than reconnecting to a stream that has ended.
                emitter.send(SseEmitter.event().name("done").data("done"));
                emitter.complete();
            } catch (IOException | UncheckedIOException | IllegalStateException gone) {
                // The browser went away (or the API's stream did): nothing to tell anyone.
                emitter.completeWithError(gone);
            } catch (RuntimeException failure) {
                log.warn("a live status relay failed", failure);
                emitter.completeWithError(failure);
            }
        });
        return emitter;
    }

    private void relay(Iterator<String> lines, SseEmitter emitter, String template, String fragment,
                       Function<Map<String, Object>, Map<String, Object>> model) throws IOException {
        StringBuilder data = new StringBuilder();
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("data:")) {
                data.append(line.substring(5).strip());
            } else if (line.isEmpty() && !data.isEmpty()) {
                Context context = new Context();
                context.setVariables(model.apply(json.readValue(data.toString(), OBJECT)));
                String html = templates.process(template, Set.of(fragment), context);
                emitter.send(SseEmitter.event().name("status").data(html.replace("\n", " ")));
                data.setLength(0);
            } else if (line.startsWith(":")) {
                // A heartbeat: pass it on, so that a browser that left is noticed here too.
                emitter.send(SseEmitter.event().comment("heartbeat"));
            }
        }
    }
}
