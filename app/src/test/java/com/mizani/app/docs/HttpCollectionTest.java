package com.mizani.app.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * The request collection in {@code docs/http} against the committed OpenAPI document, {@code docs/openapi.json}: every
 * request to the API is a documented operation (method and path template), and every documented operation has a
 * request, except the provider callbacks (under {@code /api/v1/providers/}), which the provider signs. Requests
 * outside the API are allowed only to the token endpoint and to the provider simulator. It reads the files only; CI's
 * walkthrough runs the collection against the app.
 */
class HttpCollectionTest {

    private static final Path OPENAPI = Path.of("..", "docs", "openapi.json");
    private static final Path COLLECTION = Path.of("..", "docs", "http");
    private static final String BASE = "{{baseUrl}}";
    private static final Set<String> OUTSIDE_THE_API = Set.of("POST {{baseUrl}}/oauth2/token");
    private static final String SIMULATOR = "{{simulatorUrl}}/";
    private static final String CALLBACKS = "/api/v1/providers/";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    /** A request line of the .http format: the method, the URL, and an optional HTTP version. */
    private static final Pattern REQUEST_LINE =
            Pattern.compile("^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\\s+(\\S+)(\\s+HTTP/\\S+)?\\s*$");
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{[^}]+}}");

    record Operation(String method, String template) {
        List<String> segments() {
            return List.of(template.substring(1).split("/", -1));
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    record Request(String where, String method, String url) {
        @Override
        public String toString() {
            return where + ": " + method + " " + url;
        }
    }

    @Test
    void everyRequestIsADocumentedOperationAndEveryOperationHasARequest() throws IOException {
        List<Operation> documented = documentedOperations();
        List<Request> requests = collectionRequests();
        assertThat(documented).as("operations in %s", OPENAPI).isNotEmpty();
        assertThat(requests).as("requests in %s", COLLECTION).isNotEmpty();

        Set<String> undocumented = new TreeSet<>();
        Set<Operation> covered = new HashSet<>();
        for (Request request : requests) {
            if (!request.url().startsWith(BASE + "/api/")) {
                if (!request.url().startsWith(SIMULATOR) && !OUTSIDE_THE_API.contains(request.method() + " " + request.url())) {
                    undocumented.add(request + " (neither the API, the token endpoint nor the simulator)");
                }
                continue;
            }
            Optional<Operation> operation = operationOf(request, documented);
            operation.ifPresentOrElse(covered::add, () -> undocumented.add(request.toString()));
        }
        Set<String> withoutRequest = new TreeSet<>();
        for (Operation operation : documented) {
            if (!operation.template().startsWith(CALLBACKS) && !covered.contains(operation)) {
                withoutRequest.add(operation.toString());
            }
        }
        assertSoftly(softly -> {
            softly.assertThat(undocumented).as("requests in docs/http that are no operation of docs/openapi.json").isEmpty();
            softly.assertThat(withoutRequest).as("operations of docs/openapi.json that no request in docs/http sends")
                    .isEmpty();
        });
    }

    /**
     * The documented operation a request sends: same method, same number of path segments, each literal segment of
     * the template equal to the request's, each template variable standing for one segment. A request segment that is
     * a collection variable can only be a template variable. Of several, the one with the most literal segments wins,
     * as in Spring MVC (/keys/rotate over /keys/{id}).
     */
    private static Optional<Operation> operationOf(Request request, List<Operation> documented) {
        String path = request.url().substring(BASE.length());
        int query = path.indexOf('?');
        List<String> segments = List.of((query < 0 ? path : path.substring(0, query)).substring(1).split("/", -1));
        return documented.stream()
                .filter(operation -> operation.method().equals(request.method()))
                .filter(operation -> matches(operation.segments(), segments))
                .max(Comparator.comparingLong(operation -> operation.segments().stream()
                        .filter(segment -> !isTemplateVariable(segment)).count()));
    }

    private static boolean matches(List<String> template, List<String> segments) {
        if (template.size() != segments.size()) {
            return false;
        }
        for (int i = 0; i < template.size(); i++) {
            String expected = template.get(i);
            String actual = segments.get(i);
            boolean variable = VARIABLE.matcher(actual).find();
            if (isTemplateVariable(expected) ? actual.isEmpty() : variable || !expected.equals(actual)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTemplateVariable(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    private static List<Operation> documentedOperations() throws IOException {
        JsonNode paths = new ObjectMapper().readTree(OPENAPI.toFile()).path("paths");
        List<Operation> operations = new ArrayList<>();
        paths.properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (METHODS.contains(method.getKey())) {
                operations.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey()));
            }
        }));
        return operations;
    }

    private static List<Request> collectionRequests() throws IOException {
        List<Request> requests = new ArrayList<>();
        try (Stream<Path> files = Files.list(COLLECTION)) {
            for (Path file : files.filter(file -> file.toString().endsWith(".http")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher line = REQUEST_LINE.matcher(lines.get(i));
                    if (line.matches()) {
                        requests.add(new Request(file.getFileName() + ":" + (i + 1), line.group(1), line.group(2)));
                    }
                }
            }
        }
        return requests;
    }
}
