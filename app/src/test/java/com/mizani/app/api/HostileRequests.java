package com.mizani.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.mizani.app.support.RawHttp;
import com.mizani.app.support.RawHttp.Header;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Generates hostile requests for the operations of an OpenAPI document. Each request has one designated hostile part
 * and more hostility as noise. A {@linkplain Part#refusing refusing} part is one the API refuses before any handler
 * or command runs, whatever the rest of the request holds; a request whose designated part is not refusing (a
 * {@link Part#PROBE}) names no existing resource in any id it sends to an operation that may change something. So no
 * generated request can open, change or move money in an existing wallet, by construction.
 */
final class HostileRequests {

    /** The hostile part a request is built around. */
    enum Part {
        /** A path parameter that is no UUID and no name: blanks, encoded slashes and dots, control bytes, junk. */
        PATH_VALUE(true),
        /** A path with something appended: no operation has that route. */
        ROUTE(true),
        /** A method the path does not have, or no method at all. */
        METHOD(true),
        /** A Content-Type that names no media type, or one the operation's body cannot be read from. */
        CONTENT_TYPE(true),
        /** A body that is not JSON, not an object, or holds an object or array where the schema has a scalar. */
        BODY_STRUCTURE(true),
        /** An Idempotency-Key that is not 1 to 128 visible ASCII characters. */
        IDEMPOTENCY_KEY(true),
        /** An Accept no JSON answer satisfies, on an operation that may change something. */
        ACCEPT(true),
        /** A required query parameter left out, a number that is none, a value that cannot be decoded, no name. */
        QUERY_SYNTAX(true),
        /** A hostile value in a query parameter, a body field or a declared header, which the operation reads. */
        PROBE(false);

        final boolean refusing;

        Part(boolean refusing) {
            this.refusing = refusing;
        }
    }

    /** One operation of the document, with what the generator needs of it. */
    record Operation(String method, String path, Set<String> methodsAtPath, List<Parameter> parameters, Body body) {

        String key() {
            return method + " " + path;
        }

        boolean safe() {
            return method.equals("GET") || method.equals("HEAD");
        }

        List<Parameter> in(String location) {
            return parameters.stream().filter(parameter -> parameter.in().equals(location)).toList();
        }

        boolean declaresHeader(String name) {
            return in("header").stream().anyMatch(header -> header.name().equalsIgnoreCase(name));
        }

        List<Part> hostileParts() {
            List<Part> parts = new ArrayList<>(List.of(Part.ROUTE, Part.METHOD, Part.CONTENT_TYPE));
            if (!in("path").isEmpty()) {
                parts.add(Part.PATH_VALUE);
            }
            if (body != null && !body.fields().isEmpty()) {
                parts.add(Part.BODY_STRUCTURE);
            }
            if (declaresHeader(IDEMPOTENCY_KEY)) {
                parts.add(Part.IDEMPOTENCY_KEY);
            }
            if (!safe()) {
                parts.add(Part.ACCEPT);
            }
            if (!in("query").isEmpty()) {
                parts.add(Part.QUERY_SYNTAX);
            }
            if (!in("query").isEmpty() || body != null || !probedHeaders().isEmpty()) {
                parts.add(Part.PROBE);
            }
            return parts;
        }

        /** Declared headers whose values the operation reads as data; the Idempotency-Key has a part of its own. */
        List<Parameter> probedHeaders() {
            return in("header").stream().filter(header -> !header.name().equalsIgnoreCase(IDEMPOTENCY_KEY)).toList();
        }
    }

    record Parameter(String name, String in, boolean required, String type, String format) {
    }

    /** A request body: an object with these fields, or, with none, bytes the operation reads itself. */
    record Body(List<Field> fields) {
    }

    record Field(String name, String type, List<String> enumValues) {
    }

    /** A generated request, with what it was built around, ready to send. */
    record HostileRequest(Operation operation, Part part, String method, String target, List<Header> headers,
                          byte[] body) {

        byte[] bytes() {
            return RawHttp.request(method, target, headers, body);
        }

        @Override
        public String toString() {
            String shownBody = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            return part + " of " + operation.key() + ": " + method + " " + abbreviated(target) + " " + headers.stream()
                    .map(header -> header.name() + ": " + abbreviated(header.value())).toList() + " body(" + body.length
                    + ") " + shownBody;
        }

        private static String abbreviated(String text) {
            return text.length() <= 200 ? text : text.substring(0, 200) + "...(" + text.length() + ")";
        }
    }

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** An id in hand-written values; generated ids come from the property's random source, so the seed repeats them. */
    private static final String SOME_ID = "7f0c6a55-2d7e-4b4a-9a51-3c1f3f0f2a11";
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9]*");
    private static final List<String> METHODS =
            List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "TRACE", "get", "post", "PROPFIND", "M-SEARCH");

    private final List<Operation> operations;
    private final List<Optional<String>> credentials;
    private final List<String> existingIds;

    /**
     * @param credentials the Authorization header values a request picks from; empty: none
     * @param existingIds the ids of fixtures, which only requests that cannot change anything may name
     */
    HostileRequests(List<Operation> operations, List<Optional<String>> credentials, List<String> existingIds) {
        this.operations = List.copyOf(operations);
        this.credentials = List.copyOf(credentials);
        this.existingIds = List.copyOf(existingIds);
    }

    /** Every operation of the document, each path and method with its parameters and body. */
    static List<Operation> operationsOf(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        document.path("paths").properties().forEach(path -> {
            Set<String> methods = new LinkedHashSet<>();
            path.getValue().properties().forEach(method -> methods.add(method.getKey().toUpperCase()));
            path.getValue().properties().forEach(entry -> {
                JsonNode operation = entry.getValue();
                List<Parameter> parameters = new ArrayList<>();
                operation.path("parameters").forEach(shared -> {
                    JsonNode parameter = resolve(document, shared);
                    JsonNode schema = resolve(document, parameter.path("schema"));
                    parameters.add(new Parameter(parameter.path("name").asText(), parameter.path("in").asText(),
                            parameter.path("required").asBoolean(), schema.path("type").asText("string"),
                            schema.path("format").asText("")));
                });
                Body body = null;
                JsonNode content = operation.path("requestBody").path("content");
                if (!content.isMissingNode() && content.size() > 0) {
                    JsonNode schema = resolve(document, content.elements().next().path("schema"));
                    List<Field> fields = new ArrayList<>();
                    propertiesOf(document, schema).forEach((name, property) -> {
                        JsonNode field = resolve(document, property);
                        List<String> values = new ArrayList<>();
                        field.path("enum").forEach(value -> values.add(value.asText()));
                        fields.add(new Field(name, field.path("type").asText("string"), values));
                    });
                    body = new Body(fields);
                }
                operations.add(new Operation(entry.getKey().toUpperCase(), path.getKey(), Set.copyOf(methods),
                        List.copyOf(parameters), body));
            });
        });
        // In a fixed order, so that a seed picks the same operations whatever order the document lists them in.
        operations.sort(Comparator.comparing(Operation::key));
        return operations;
    }

    /** A schema's properties, with those of the schemas it is composed of ({@code allOf}: Money's amount and currency). */
    private static Map<String, JsonNode> propertiesOf(JsonNode document, JsonNode schema) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        schema.path("allOf").forEach(part -> properties.putAll(propertiesOf(document, resolve(document, part))));
        schema.path("properties").properties().forEach(property -> properties.put(property.getKey(), property.getValue()));
        return properties;
    }

    /** What a {@code $ref} to a shared schema or parameter refers to. */
    private static JsonNode resolve(JsonNode document, JsonNode node) {
        String ref = node.path("$ref").asText("");
        if (!ref.startsWith("#/components/")) {
            return node;
        }
        String[] where = ref.substring("#/components/".length()).split("/", 2);
        return document.path("components").path(where[0]).path(where[1]);
    }

    /** Any operation, any of its hostile parts, everything else generated around that part. */
    Arbitrary<HostileRequest> requests() {
        return Arbitraries.of(operations).flatMap(operation -> Arbitraries.of(operation.hostileParts())
                .flatMap(part -> request(operation, part)));
    }

    private Arbitrary<HostileRequest> request(Operation operation, Part part) {
        // Only a request that is refused whatever it holds, or that cannot change anything, may name what exists.
        boolean mayNameFixtures = part.refusing || operation.safe();
        Arbitrary<String> method = method(operation, part);
        Arbitrary<String> target = target(operation, part, mayNameFixtures);
        Arbitrary<List<Header>> headers = headers(operation, part);
        Arbitrary<byte[]> body = body(operation, part, mayNameFixtures);
        Arbitrary<Optional<String>> credential = Arbitraries.of(credentials);
        return Combinators.combine(method, target, headers, body, credential).as((m, t, h, b, c) -> {
            List<Header> all = new ArrayList<>(h);
            c.ifPresent(value -> all.add(new Header("Authorization", value)));
            return new HostileRequest(operation, part, m, t, List.copyOf(all), b);
        });
    }

    // The method.

    private static Arbitrary<String> method(Operation operation, Part part) {
        if (part == Part.METHOD) {
            List<String> wrong = METHODS.stream().filter(method -> !operation.methodsAtPath().contains(method))
                    .filter(method -> !(method.equals("HEAD") && operation.methodsAtPath().contains("GET"))).toList();
            return Arbitraries.of(wrong);
        }
        // OPTIONS is answered from the mapping alone; HEAD runs a GET without its body.
        List<String> probes = operation.method().equals("GET") ? List.of("OPTIONS", "HEAD") : List.of("OPTIONS");
        return Arbitraries.frequencyOf(
                Tuple.of(18, Arbitraries.just(operation.method())),
                Tuple.of(1, Arbitraries.of(probes)));
    }

    // The path and query string.

    private Arbitrary<String> target(Operation operation, Part part, boolean mayNameFixtures) {
        Arbitrary<String> path = path(operation, part, mayNameFixtures);
        Arbitrary<String> query = query(operation, part, mayNameFixtures);
        Arbitrary<String> route = part == Part.ROUTE
                ? Arbitraries.of("/x", "/", "//x", ".json", "/%00", "/%2F", "/\u00e9", "/" + "a".repeat(300), "/%2e%2e%2f")
                : Arbitraries.just("");
        return Combinators.combine(path, route, query).as((p, r, q) -> p + r + q);
    }

    private Arbitrary<String> path(Operation operation, Part part, boolean mayNameFixtures) {
        List<Parameter> parameters = operation.in("path");
        if (parameters.isEmpty()) {
            return Arbitraries.just(operation.path());
        }
        Arbitrary<Integer> hostileIndex = part == Part.PATH_VALUE
                ? Arbitraries.integers().between(0, parameters.size() - 1) : Arbitraries.just(-1);
        return hostileIndex.flatMap(index -> {
            List<Arbitrary<String>> values = new ArrayList<>();
            for (int i = 0; i < parameters.size(); i++) {
                values.add(i == index ? HostileValues.pathValues() : plausiblePathValue(parameters.get(i), mayNameFixtures));
            }
            return Combinators.combine(values).as(chosen -> {
                String path = operation.path();
                for (int i = 0; i < parameters.size(); i++) {
                    path = path.replace("{" + parameters.get(i).name() + "}", chosen.get(i));
                }
                return path;
            });
        });
    }

    private Arbitrary<String> plausiblePathValue(Parameter parameter, boolean mayNameFixtures) {
        if (parameter.format().equals("uuid")) {
            return ids(mayNameFixtures);
        }
        // A name nothing has: letters and digits only, so that it reaches the operation as it is.
        return Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(6).ofMaxLength(12).map(name -> "n" + name);
    }

    private Arbitrary<String> ids(boolean mayNameFixtures) {
        Arbitrary<String> random = randomUuids();
        return mayNameFixtures && !existingIds.isEmpty()
                ? Arbitraries.frequencyOf(Tuple.of(1, random), Tuple.of(2, Arbitraries.of(existingIds)))
                : random;
    }

    private Arbitrary<String> query(Operation operation, Part part, boolean mayNameFixtures) {
        List<Parameter> parameters = operation.in("query");
        Arbitrary<String> noise = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just("")),
                Tuple.of(1, HostileValues.probeStrings().map(value -> "x=" + encoded(value))),
                Tuple.of(1, Arbitraries.of("&", "=", "&&=&", "x", "%26=%3D")));
        if (parameters.isEmpty()) {
            return noise.map(extra -> extra.isEmpty() ? "" : "?" + extra);
        }
        Arbitrary<Integer> hostileIndex = part == Part.QUERY_SYNTAX || part == Part.PROBE
                ? Arbitraries.integers().between(0, parameters.size() - 1) : Arbitraries.just(-1);
        return hostileIndex.flatMap(index -> {
            List<Arbitrary<String>> pairs = new ArrayList<>();
            for (int i = 0; i < parameters.size(); i++) {
                Parameter parameter = parameters.get(i);
                if (i == index && part == Part.QUERY_SYNTAX) {
                    pairs.add(querySyntax(parameter));
                } else if (i == index) {
                    pairs.add(HostileValues.probeStrings().map(value -> parameter.name() + "=" + encoded(value)));
                } else {
                    pairs.add(plausibleQueryPair(parameter, mayNameFixtures));
                }
            }
            pairs.add(noise);
            return Combinators.combine(pairs).as(chosen -> {
                String joined = String.join("&", chosen.stream().filter(pair -> !pair.isEmpty()).toList());
                return joined.isEmpty() ? "" : "?" + joined;
            });
        });
    }

    /** Refused by the parameter's declaration alone. */
    private static Arbitrary<String> querySyntax(Parameter parameter) {
        List<Arbitrary<String>> ways = new ArrayList<>();
        ways.add(Arbitraries.of("%FF", "%C3%28", "%E2%82", "%ED%A0%80", "1&=x").map(value -> parameter.name() + "=" + value));
        if (parameter.required()) {
            ways.add(Arbitraries.just(""));
        }
        if (parameter.type().equals("integer") || parameter.type().equals("number")) {
            ways.add(HostileValues.notIntegers().map(value -> parameter.name() + "=" + encoded(value)));
        }
        return Arbitraries.oneOf(ways);
    }

    private Arbitrary<String> plausibleQueryPair(Parameter parameter, boolean mayNameFixtures) {
        Arbitrary<String> value = switch (parameter.type()) {
            case "integer", "number" -> Arbitraries.integers().between(1, 100).map(String::valueOf);
            default -> parameter.format().equals("uuid") ? ids(mayNameFixtures) : HostileValues.plausibleStrings();
        };
        Arbitrary<String> pair = value.map(v -> parameter.name() + "=" + encoded(v));
        return parameter.required() ? pair : Arbitraries.oneOf(pair, Arbitraries.just(""));
    }

    /** UUIDs from the property's random source, so that the seed reproduces them too. */
    static Arbitrary<String> randomUuids() {
        return Arbitraries.randomValue(random -> new UUID(random.nextLong(), random.nextLong()).toString());
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    // The headers.

    private Arbitrary<List<Header>> headers(Operation operation, Part part) {
        List<Arbitrary<List<Header>>> groups = new ArrayList<>();
        groups.add(contentType(operation, part));
        groups.add(accept(operation, part));
        groups.add(idempotencyKey(operation, part));
        groups.add(probedHeaders(operation, part));
        groups.add(HostileValues.noiseHeaders(part == Part.PROBE && !operation.safe()));
        return Combinators.combine(groups).as(chosen -> chosen.stream().flatMap(List::stream).toList());
    }

    private static Arbitrary<List<Header>> contentType(Operation operation, Part part) {
        Arbitrary<String> value;
        if (part == Part.CONTENT_TYPE) {
            value = operation.body() != null && !operation.body().fields().isEmpty()
                    ? Arbitraries.oneOf(HostileValues.malformedContentTypes(), HostileValues.unreadableContentTypes())
                    : HostileValues.malformedContentTypes();
        } else if (operation.body() != null) {
            value = HostileValues.jsonContentTypes();
        } else {
            return Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(List.of())),
                    Tuple.of(1, HostileValues.jsonContentTypes().map(type -> List.of(new Header("Content-Type", type)))));
        }
        return value.map(type -> List.of(new Header("Content-Type", type)));
    }

    private static Arbitrary<List<Header>> accept(Operation operation, Part part) {
        if (part == Part.ACCEPT) {
            return HostileValues.unacceptable().map(value -> List.of(new Header("Accept", value)));
        }
        // A command probed for its reading of a value must get as far as reading it.
        Arbitrary<String> value = part == Part.PROBE && !operation.safe()
                ? HostileValues.jsonAccepts() : Arbitraries.oneOf(HostileValues.jsonAccepts(), HostileValues.unacceptable());
        return Arbitraries.oneOf(Arbitraries.just(List.of()), value.map(accept -> List.of(new Header("Accept", accept))));
    }

    private static Arbitrary<List<Header>> idempotencyKey(Operation operation, Part part) {
        if (part == Part.IDEMPOTENCY_KEY) {
            return HostileValues.invalidKeys().map(key -> List.of(new Header(IDEMPOTENCY_KEY, key)));
        }
        Arbitrary<String> valid = Arbitraries.oneOf(randomUuids(), Arbitraries.of("k", "x".repeat(128), "!#$%&'*+-.^_`|~"));
        Arbitrary<List<Header>> key = valid.map(value -> List.of(new Header(IDEMPOTENCY_KEY, value)));
        return operation.declaresHeader(IDEMPOTENCY_KEY) ? key : Arbitraries.oneOf(Arbitraries.just(List.of()), key);
    }

    private static Arbitrary<List<Header>> probedHeaders(Operation operation, Part part) {
        List<Parameter> headers = operation.probedHeaders();
        if (headers.isEmpty()) {
            return Arbitraries.just(List.of());
        }
        List<Arbitrary<List<Header>>> each = new ArrayList<>();
        for (Parameter header : headers) {
            Arbitrary<String> value = part == Part.PROBE
                    ? Arbitraries.oneOf(HostileValues.headerValues(), HostileValues.plausibleStrings())
                    : HostileValues.plausibleStrings();
            each.add(Arbitraries.oneOf(Arbitraries.just(List.of()), value.map(v -> List.of(new Header(header.name(), v)))));
        }
        return Combinators.combine(each).as(chosen -> chosen.stream().flatMap(List::stream).toList());
    }

    // The body.

    private Arbitrary<byte[]> body(Operation operation, Part part, boolean mayNameFixtures) {
        if (operation.body() == null) {
            return Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(new byte[0])),
                    Tuple.of(1, Arbitraries.of("{}", "not json", "[1]").map(HostileRequests::utf8)));
        }
        List<Field> fields = operation.body().fields();
        if (fields.isEmpty()) {
            // Bytes the operation reads itself, such as a signed provider callback: any bytes, JSON-like or not.
            return Arbitraries.oneOf(HostileValues.probeStrings().map(value -> utf8("{\"Body\":" + json(value) + "}")),
                    HostileValues.structurallyBroken(utf8("{\"Body\":{\"ResultCode\":0}}")), Arbitraries.just(utf8("{}")));
        }
        Arbitrary<String> object = object(fields, part == Part.PROBE, mayNameFixtures);
        if (part != Part.BODY_STRUCTURE) {
            return object.map(HostileRequests::utf8);
        }
        Arbitrary<byte[]> nonScalarField = Combinators.combine(object, Arbitraries.of(fields), HostileValues.nonScalars())
                .as((json, field, nonScalar) -> utf8(withField(json, field.name(), nonScalar)));
        return Arbitraries.oneOf(object.flatMap(json -> HostileValues.structurallyBroken(utf8(json))), nonScalarField);
    }

    /** An object with the schema's fields (some left out, some unknown added); with {@code probe}, one field hostile. */
    private Arbitrary<String> object(List<Field> fields, boolean probe, boolean mayNameFixtures) {
        Arbitrary<Integer> hostileIndex = probe ? Arbitraries.integers().between(0, fields.size() - 1) : Arbitraries.just(-1);
        return hostileIndex.flatMap(index -> {
            List<Arbitrary<String>> members = new ArrayList<>();
            for (int i = 0; i < fields.size(); i++) {
                Field field = fields.get(i);
                Arbitrary<String> value = i == index ? HostileValues.jsonScalars() : plausibleJson(field, mayNameFixtures);
                Arbitrary<String> member = value.map(v -> json(field.name()) + ":" + v);
                // A field the hostile value is in is always sent; any other may be left out.
                members.add(i == index ? member : Arbitraries.frequencyOf(Tuple.of(9, member),
                        Tuple.of(1, Arbitraries.just(""))));
            }
            members.add(Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.just("")),
                    Tuple.of(1, HostileValues.jsonScalars().map(v -> "\"unknown\":" + v))));
            return Combinators.combine(members).as(chosen ->
                    "{" + String.join(",", chosen.stream().filter(member -> !member.isEmpty()).toList()) + "}");
        });
    }

    private Arbitrary<String> plausibleJson(Field field, boolean mayNameFixtures) {
        if (!field.enumValues().isEmpty()) {
            return Arbitraries.of(field.enumValues()).map(HostileRequests::json);
        }
        return switch (field.type()) {
            case "integer", "number" -> Arbitraries.integers().between(0, 1000).map(String::valueOf);
            case "boolean" -> Arbitraries.of("true", "false");
            default -> Arbitraries.oneOf(ids(mayNameFixtures), HostileValues.plausibleStrings()).map(HostileRequests::json);
        };
    }

    private static String withField(String object, String name, String value) {
        String member = json(name) + ":" + value;
        return object.equals("{}") ? "{" + member + "}" : "{" + member + "," + object.substring(1);
    }

    static String json(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20 || (c >= 0xD800 && c <= 0xDFFF)) {
                        quoted.append("\\u%04x".formatted(c));
                    } else {
                        quoted.appendCodePoint(c);
                    }
                }
            }
        });
        return quoted.append('"').toString();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The hostile values themselves, by where they go. */
    static final class HostileValues {

        private HostileValues() {
        }

        static Arbitrary<String> pathValues() {
            Arbitrary<String> listed = Arbitraries.of(" ", "", "%20", "%09", "%0A", "%0D%0A", "%20%20", "%00", "..", ".",
                    "%2e%2e", "%2e", "%2F", "%5C", "%25", "%", "%zz", "%FF", "%C0%AF", "%E0%80%AF", "%ED%A0%80",
                    "\u00e9", "%C3%A9", "\uD83D\uDE00", "%F0%9F%98%80", "\u0001", "\u007f", "a b", "not-a-uuid", "123",
                    "' OR 1=1 --", "%27%20OR%201%3D1", "<script>", "%3Cscript%3E", "{}", "null", "-1", "~", "*",
                    "x".repeat(300), "x".repeat(5000), "\u00e9".repeat(100), ";", ";x=1", "%3B", "+", "%2B");
            Arbitrary<String> nearUuids = randomUuids().flatMap(uuid -> Arbitraries.of(uuid + "0", uuid + "-0000", uuid.replace("-", ""), "{" + uuid + "}",
                            uuid.substring(1), uuid.replace('a', 'g').replace('0', 'g'), uuid + "%00", "%20" + uuid + "x"));
            Arbitrary<String> junk = Arbitraries.strings().withChars("%.;\\ \t\"'<>{}|^`").withCharRange('a', 'f')
                    .ofMinLength(1).ofMaxLength(40);
            return Arbitraries.oneOf(listed, nearUuids, junk).filter(HostileValues::namesNothing);
        }

        /** A path value the route cannot resolve to anything that exists: no UUID, even trimmed, and no plain name. */
        private static boolean namesNothing(String value) {
            String decoded;
            try {
                decoded = java.net.URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException undecodable) {
                return true;
            }
            try {
                UUID.fromString(decoded.trim());
                return false;
            } catch (IllegalArgumentException notAUuid) {
                return !PLAIN_NAME.matcher(decoded).matches() || decoded.isEmpty();
            }
        }

        /** Values a parameter of that kind could take. */
        static Arbitrary<String> plausibleStrings() {
            return Arbitraries.of("1.00", "100", "250.75", "KES", "UGX", "254708374149", "CASH", "MPESA_STK", "PAID",
                    "NOT_PAID", "MANUAL_REVIEW", "SETTLED", "TRANSFER", "PAYMENT", "hour", "day", "csv", "json",
                    "2026-01-01T00:00:00Z", "2100-01-01T00:00:00Z", "a reason", "client-1");
        }

        /** Values an operation must read and either accept or refuse: none of them may fault it. */
        static Arbitrary<String> probeStrings() {
            Arbitrary<String> listed = Arbitraries.of("", " ", "-1", "0", "501", "-2147483648", "2147483647",
                    "99999999999999999999", "1e400", "-0", "0.000000001", "12.345", "NaN", "Infinity", "1,000.00",
                    " 5.00", "kes", "XYZ", "KESS", "\u0000", "\u0001", "\u00e9", "\uD83D\uDE00", "\u202e", "\uFEFF",
                    "' OR 1=1 --", "<script>alert(1)</script>", "${jndi:ldap://x}", "null", "true", "[]", "{}",
                    "-5000-01-01T00:00:00Z", "+200000-01-01T00:00:00Z", "0000-12-31T23:59:59Z",
                    "-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59.999999999Z", "0001-01-01T00:00:00Z",
                    "9999-12-31T23:59:59.999999999Z", "2026-13-45T99:99:99Z", "2026-01-01", "2026-01-01T00:00:00+25:00",
                    "minute", "week", "CSV", "xml", "MPESA_C2B", "MPESA_B2C", "REJECTED", "manual_review",
                    "not-a-uuid", "00000000-0000-0000-0000-00000000000g", "x".repeat(10_000), "\u00e9".repeat(3000));
            Arbitrary<String> cursors = Arbitraries.of("k:-1", "k:9223372036854775807", "k:99999999999999999999", "k:",
                            "k:0", "a:-9223372036854775807:" + SOME_ID, "a:9223372036854775807:" + SOME_ID,
                            "a:-62135596800000001:" + SOME_ID, "a:0:x", "a:1", "a:0:" + SOME_ID, "%%!", "\u0000")
                    .map(text -> Base64.getUrlEncoder().withoutPadding().encodeToString(utf8(text)));
            Arbitrary<String> generated = Arbitraries.strings().all().ofMaxLength(60);
            return Arbitraries.oneOf(listed, cursors, generated);
        }

        /** Header values the operation reads: a signature, a preference. */
        static Arbitrary<String> headerValues() {
            return Arbitraries.of("", "x", "sha256=" + "0".repeat(64), "0".repeat(64), "=", "respond-async", "wait=abc",
                    "wait=-1", "wait=99999999999", "respond-async, wait=0", "return=minimal", "handling=strict",
                    "respond-async;;;", "x".repeat(5000), "\u00e9", "\t");
        }

        /** Not integers to Spring's conversion, which accepts hex and a leading plus. */
        static Arbitrary<String> notIntegers() {
            return Arbitraries.of("abc", "1.5", "2147483648", "-2147483649", "99999999999999999999", "1e3", "NaN",
                    "--1", "1,000", "0x", "١٢x", "true");
        }

        static Arbitrary<String> jsonScalars() {
            Arbitrary<String> typed = Arbitraries.of("null", "0", "-1", "1e309", "-1e309", "99999999999999999999999999999",
                    "1.5", "100", "true", "false", "0.1e-400", "-0");
            return Arbitraries.oneOf(typed, probeStrings().map(HostileRequests::json),
                    Arbitraries.just("\"\\ud800\""), Arbitraries.just("\"\\u0000\""));
        }

        static Arbitrary<String> nonScalars() {
            return Arbitraries.of("{}", "{\"a\":1}", "[]", "[\"a\",\"b\"]", "[[[]]]", "{\"\":{\"\":null}}",
                    "[" + "[".repeat(300) + "]".repeat(300) + ",1]");
        }

        /** Bytes that are no JSON object: broken, truncated, of another type, too deep, too large, not UTF-8. */
        static Arbitrary<byte[]> structurallyBroken(byte[] json) {
            List<Arbitrary<byte[]>> ways = new ArrayList<>();
            ways.add(Arbitraries.of("not json", "<xml/>", "{'a':1}", "{a:1}", "{", "}", "{\"a\"}", "{\"a\":}", "{,}",
                    "", "null", "[]", "[{}]", "\"string\"", "12345678901234567890", "true", "{\"a\":1,}",
                    "[".repeat(5000), "{\"a\":".repeat(2000) + "1" + "}".repeat(2000)).map(HostileRequests::utf8));
            if (json.length > 1) {
                ways.add(Arbitraries.integers().between(1, json.length - 1).map(length -> java.util.Arrays.copyOf(json, length)));
            }
            ways.add(Arbitraries.just(concat(utf8("["), json, utf8("]"))));
            ways.add(Arbitraries.just(concat(utf8("{\"a\":\""), new byte[]{(byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28},
                    utf8("\"}"))));
            ways.add(Arbitraries.just(concat(utf8("{"), new byte[]{0, 0, 0}, utf8("}"))));
            ways.add(Arbitraries.just(utf8("{\"a\":\"\u0001\u0002\n\"}")));
            ways.add(Arbitraries.just(utf8("{\"a\":\"" + "x".repeat(17_000) + "\"}")));
            return Arbitraries.oneOf(ways);
        }

        private static byte[] concat(byte[]... parts) {
            int length = Stream.of(parts).mapToInt(part -> part.length).sum();
            byte[] joined = new byte[length];
            int at = 0;
            for (byte[] part : parts) {
                System.arraycopy(part, 0, joined, at, part.length);
                at += part.length;
            }
            return joined;
        }

        /** No single concrete media type, or a charset no one knows: refused whatever the operation. */
        static Arbitrary<String> malformedContentTypes() {
            return Arbitraries.of("*/*", "application/*", "*/json", "application/json; charset=",
                    "application/json; charset=nonsense", "application/json; charset=\"a b\"", "multipart/form-data; boundary=",
                    "junk", "/", "application/", ";;;", "\u00e9/\u00e9", "application/json; charset=\u00e9");
        }

        /** Media types no JSON body can be read from. */
        static Arbitrary<String> unreadableContentTypes() {
            return Arbitraries.of("text/plain", "application/xml", "text/xml", "application/x-www-form-urlencoded",
                    "multipart/form-data", "multipart/form-data; boundary=x", "multipart/mixed", "application/octet-stream",
                    "image/png", "text/event-stream", "text/csv", "text/html");
        }

        static Arbitrary<String> jsonContentTypes() {
            return Arbitraries.of("application/json", "application/json", "application/json; charset=UTF-8",
                    "application/json;charset=utf-8", "APPLICATION/JSON", "application/json; boundary=x");
        }

        static Arbitrary<String> jsonAccepts() {
            return Arbitraries.of("application/json", "*/*", "application/*", "application/json;q=0.5, */*;q=0.1",
                    "text/html, application/json", "application/json; charset=utf-8");
        }

        /** Accept values no JSON answer satisfies, or that cannot be read. */
        static Arbitrary<String> unacceptable() {
            return Arbitraries.of("application/xml", "text/html", "text/event-stream", "image/png", "text/csv",
                    "text/plain", "application/problem+json", "*/*;q=x", "application/json;q=x", "junk", "/", ";",
                    "*/json", "application/json; charset=nonsense");
        }

        static Arbitrary<String> invalidKeys() {
            return Arbitraries.of("a b", "key with spaces", "x".repeat(129), "x".repeat(5000), "\u00e9", "\uD83D\uDE00",
                    "a\tb", "\u0001", "\u007f", "k\u00e9y");
        }

        /**
         * Headers no operation declares. A command probed for its reading of a value gets only harmless ones, so that
         * its request gets that far; everything else may get any.
         */
        static Arbitrary<List<Header>> noiseHeaders(boolean harmlessOnly) {
            Arbitrary<Header> harmless = Arbitraries.of(new Header("X-Unknown", "\u00e9\u0001junk"),
                    new Header("X-Forwarded-For", "999.1.1.1, junk"), new Header("Forwarded", "for=\"[::1\""),
                    new Header("Cookie", "JSESSIONID=%%%; a"), new Header("X-HTTP-Method-Override", "DELETE"),
                    new Header("Origin", "null"), new Header("Range", "bytes=-1-"), new Header("If-None-Match", "*"),
                    new Header("Accept-Charset", "nonsense"), new Header("Accept-Encoding", "gzip;q=x"),
                    new Header("Accept-Language", ";;;"));
            Arbitrary<Header> hostile = Arbitraries.of(new Header("X-Huge", "h".repeat(10_000)),
                    new Header("X-Client-Id", "bad client!"), new Header("X-Operator", "bad operator!"),
                    new Header("Expect", "junk"), new Header("Content-Length", "abc"));
            Arbitrary<Header> any = harmlessOnly ? harmless : Arbitraries.oneOf(harmless, hostile);
            return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(Collections.<Header>emptyList())),
                    Tuple.of(1, any.map(List::of)));
        }
    }
}
