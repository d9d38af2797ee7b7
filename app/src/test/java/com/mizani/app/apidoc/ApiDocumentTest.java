package com.mizani.app.apidoc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mizani.app.support.IntegrationTest;
import io.swagger.v3.oas.models.tags.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served API reference is complete, and the committed copy (docs/openapi.json, which the generated client is
 * built from) is the served one. After a change to the API, {@code MIZANI_WRITE_OPENAPI=true} rewrites the copy.
 */
class ApiDocumentTest extends IntegrationTest {

    static final Path COMMITTED = Path.of("..", "docs", "openapi.json");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT).enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @Test
    void theCommittedDocumentIsTheServedOne() throws IOException {
        String served = canonical(JSON.readTree(api.anonymous().get("/v3/api-docs").body()));
        if ("true".equals(System.getenv("MIZANI_WRITE_OPENAPI"))) {
            Files.writeString(COMMITTED, served);
        }
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED) : "";
        assertThat(committed)
                .as("docs/openapi.json is not the document the app serves: run this test with MIZANI_WRITE_OPENAPI=true")
                .isEqualTo(served);
    }

    @Test
    void everyOperationSaysWhatItDoesAndAnswers() throws IOException {
        JsonNode document = JSON.readTree(api.anonymous().get("/v3/api-docs").body());
        Set<String> tags = ApiDocumentation.TAGS.stream().map(Tag::getName).collect(Collectors.toSet());
        Set<String> usedTags = new TreeSet<>();
        List<String> gaps = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            String operation = entry.getKey().toUpperCase() + " " + path.getKey();
            JsonNode it = entry.getValue();
            if (it.path("summary").asText().isBlank()) {
                gaps.add(operation + ": no summary");
            }
            if (it.path("description").asText().isBlank()) {
                gaps.add(operation + ": no description");
            }
            if (it.path("tags").size() != 1 || !tags.contains(it.path("tags").path(0).asText())) {
                gaps.add(operation + ": not exactly one of the resource tags " + tags + ": " + it.path("tags"));
            }
            it.path("tags").forEach(tag -> usedTags.add(tag.asText()));
            it.path("parameters").forEach(parameter -> {
                if (!parameter.has("$ref") && parameter.path("description").asText().isBlank()) {
                    gaps.add(operation + ": parameter " + parameter.path("name").asText() + " has no description");
                }
            });
            List<String> statuses = new ArrayList<>();
            it.path("responses").fieldNames().forEachRemaining(statuses::add);
            if (statuses.stream().noneMatch(status -> status.startsWith("2"))) {
                gaps.add(operation + ": no success answer");
            }
            it.path("responses").properties().forEach(response -> {
                if (response.getKey().matches("[45]\\d\\d") && !response.getValue().path("content").has("application/problem+json")) {
                    gaps.add(operation + ": answer " + response.getKey() + " is not problem+json");
                }
            });
        }));
        assertThat(gaps).as("operations the reference leaves undocumented").isEmpty();
        assertThat(usedTags).as("resource tags with operations").containsExactlyInAnyOrderElementsOf(tags);
    }

    /** The document as committed: keys sorted, so that a diff shows what changed and nothing else. */
    static String canonical(JsonNode document) throws IOException {
        Object sorted = JSON.treeToValue(document, Object.class);
        return JSON.writeValueAsString(sorted) + "\n";
    }
}
