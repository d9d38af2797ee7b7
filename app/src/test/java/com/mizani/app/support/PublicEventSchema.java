package com.mizani.app.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The public events' JSON Schema as docs/events.md publishes it: the json block of its section "The schema", read from
 * the page itself, so that what the tests check and what readers are shown are one text.
 */
public final class PublicEventSchema {

    public static final Path PAGE = Path.of("..", "docs", "events.md");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema SCHEMA = load();

    private PublicEventSchema() {
    }

    /** What is wrong with one event's JSON; empty when it is valid. */
    public static List<String> violations(String eventJson) {
        try {
            return SCHEMA.validate(JSON.readTree(eventJson)).stream().map(Error::toString).toList();
        } catch (IOException unreadable) {
            return List.of("not JSON: " + unreadable.getMessage());
        }
    }

    private static Schema load() {
        try {
            String page = Files.readString(PAGE);
            int section = page.indexOf("## The schema");
            int start = page.indexOf("```json\n", section) + "```json\n".length();
            int end = page.indexOf("\n```", start);
            if (section < 0 || start < section || end < start) {
                throw new IllegalStateException(PAGE + " has no json block in its section \"The schema\"");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(new ByteArrayInputStream(page.substring(start, end).getBytes(StandardCharsets.UTF_8)));
        } catch (IOException missing) {
            throw new UncheckedIOException(missing);
        }
    }
}
