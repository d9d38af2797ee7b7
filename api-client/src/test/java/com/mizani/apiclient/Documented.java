package com.mizani.apiclient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mizani.apiclient.generated.ApiException;
import com.mizani.apiclient.generated.ApiResponse;
import com.mizani.apiclient.generated.model.Problem;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Calls through the generated client and holds every answer to what the OpenAPI document declares for its
 * operation: its status must be one of the operation's responses, its Content-Type one that response lists. The
 * bodies are held to their schemas by the client's mapper (unknown properties fail). A refusal must be a
 * {@code Problem} whose status is the answer's.
 */
final class Documented {

    /** One call of a generated {@code ...WithHttpInfo} method. */
    @FunctionalInterface
    interface Call<T> {
        ApiResponse<T> send() throws ApiException;
    }

    /** operationId → response key ("201", "4XX", "default") → the media types declared for it. */
    private final Map<String, Map<String, List<String>>> responses;
    private final ObjectMapper mapper;

    private Documented(Map<String, Map<String, List<String>>> responses, ObjectMapper mapper) {
        this.responses = responses;
        this.mapper = mapper;
    }

    /** @param mapper the generated client's mapper, which also decodes refusals into {@link Problem} */
    static Documented by(Path document, ObjectMapper mapper) throws IOException {
        Map<String, Map<String, List<String>>> responses = new HashMap<>();
        for (JsonNode path : new ObjectMapper().readTree(document.toFile()).path("paths")) {
            for (JsonNode operation : path) {
                if (operation.has("operationId")) {
                    Map<String, List<String>> byStatus = new HashMap<>();
                    operation.path("responses").properties().forEach(response -> byStatus.put(response.getKey(),
                            response.getValue().path("content").properties().stream().map(Map.Entry::getKey).toList()));
                    responses.put(operation.get("operationId").asText(), byStatus);
                }
            }
        }
        return new Documented(responses, mapper);
    }

    /** The answer of a call that must succeed. */
    <T> ApiResponse<T> answer(String operationId, Call<T> call) {
        try {
            return checked(operationId, call.send());
        } catch (ApiException refused) {
            throw new AssertionError(refused.getCode() == 0
                    ? operationId + " failed reading the answer: " + refused.getMessage()
                    : operationId + " answered " + refused.getCode() + ", not a success: " + refused.getResponseBody(), refused);
        }
    }

    /** The problem of a call that must be refused. */
    <T> Problem refusal(String operationId, Call<T> call) {
        try {
            ApiResponse<T> answer = call.send();
            return fail("%s answered %d where a refusal was expected: %s", operationId, answer.getStatusCode(), answer.getData());
        } catch (ApiException refused) {
            return problem(operationId, refused);
        }
    }

    /** A successful answer, once its status and media type are held to the document. */
    <T> ApiResponse<T> checked(String operationId, ApiResponse<T> answer) {
        assertDeclared(operationId, answer.getStatusCode(), contentType(answer.getHeaders()));
        return answer;
    }

    /** The problem a refusal carries, once its status and media type are held to the document. */
    Problem problem(String operationId, ApiException refused) {
        if (refused.getCode() == 0) {
            throw new AssertionError(operationId + " failed reading the answer: " + refused.getMessage(), refused);
        }
        assertDeclared(operationId, refused.getCode(), contentType(refused.getResponseHeaders().map()));
        Problem problem;
        try {
            problem = mapper.readValue(refused.getResponseBody(), Problem.class);
        } catch (IOException undocumented) {
            throw new AssertionError(operationId + " refused with a body that is no documented Problem: "
                    + refused.getResponseBody(), undocumented);
        }
        assertThat(problem.getStatus()).as("the problem's status").isEqualTo(refused.getCode());
        return problem;
    }

    private void assertDeclared(String operationId, int status, Optional<String> contentType) {
        assertThat(responses).as("operations of the document").containsKey(operationId);
        Map<String, List<String>> declared = responses.get(operationId);
        String key = declared.containsKey(Integer.toString(status)) ? Integer.toString(status)
                : declared.containsKey(status / 100 + "XX") ? status / 100 + "XX"
                : "default";
        assertThat(declared).as("%s answered %d: the statuses the document declares for it", operationId, status)
                .containsKey(key);
        List<String> mediaTypes = declared.get(key);
        if (!mediaTypes.isEmpty() && contentType.isPresent()) {
            String answered = contentType.get().split(";")[0].trim();
            assertThat(mediaTypes).as("%s answered %d as %s: the media types the document declares for it",
                            operationId, status, answered)
                    .anyMatch(type -> type.equals("*/*") || type.equalsIgnoreCase(answered));
        }
    }

    private static Optional<String> contentType(Map<String, List<String>> headers) {
        return headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("Content-Type") && !header.getValue().isEmpty())
                .map(header -> header.getValue().getFirst())
                .findFirst();
    }
}
