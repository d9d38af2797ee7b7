package com.mizani.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A server-sent event stream read line by line with the JDK client, the way an EventSource would read it. The
 * request goes out at once; its answer (status and headers) may come later, since a stream on an id the read model
 * does not know yet answers only with its first status.
 */
public final class EventStream implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One event; {@code name} is the status, {@code data} the update as JSON. */
    public record Event(String id, String name, String data) {
        public JsonNode json() {
            try {
                return JSON.readTree(data);
            } catch (IOException notJson) {
                throw new UncheckedIOException("not JSON: " + data, notJson);
            }
        }
    }

    /** Put on the queue when the server closed the stream. */
    private static final Event END = new Event(null, null, null);

    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();

    private EventStream(Api api, URI uri) {
        HttpRequest request = api.authorize(HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET()).build();
        response = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(answered -> {
            if (answered.statusCode() == 200) {
                Thread.ofVirtual().start(() -> read(answered.body().iterator()));
            }
        });
    }

    public static EventStream open(Api api, String path) {
        return new EventStream(api, api.uri(path));
    }

    /** The HTTP answer, once it came (within {@code wait}). */
    public HttpResponse<Stream<String>> response(Duration wait) {
        try {
            return response.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        } catch (ExecutionException | TimeoutException failed) {
            throw new AssertionError("no answer within " + wait, failed);
        }
    }

    /** The answer's body, for an answer that is not a stream. */
    public String body(Duration wait) {
        return String.join("\n", response(wait).body().toList());
    }

    /** Every event until the server closes the stream, which must happen within {@code wait}. */
    public List<Event> untilEnd(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        List<Event> received = new ArrayList<>();
        for (Event event = next(deadline); event != END; event = next(deadline)) {
            received.add(event);
        }
        return received;
    }

    /** The next event, which must come within {@code wait}; fails if the stream ended instead. */
    public Event next(Duration wait) {
        Event event = next(System.nanoTime() + wait.toNanos());
        if (event == END) {
            throw new AssertionError("the stream ended");
        }
        return event;
    }

    private Event next(long deadlineNanos) {
        try {
            Event event = events.poll(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("no event, and the stream still open, after the wait; received so far: " + events);
            }
            return event;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** Parses the text/event-stream format: fields until a blank line; comment lines start with a colon. */
    private void read(Iterator<String> input) {
        String id = null;
        String name = null;
        StringBuilder data = new StringBuilder();
        try {
            while (input.hasNext()) {
                String line = input.next();
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(id, name, data.toString()));
                    }
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).strip());
                }
            }
        } catch (UncheckedIOException closed) {
            // Closed by close(), or the connection broke: the stream is over either way.
        }
        events.add(END);
    }

    /** Hangs up, as a client that goes away would. */
    @Override
    public void close() {
        response.cancel(true);
        response.thenAccept(answered -> answered.body().close());
    }
}
