package com.mizani.app.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The public events' JSON Schema as docs/events.md publishes it (docs/events.schema.json), to check messages by. */
public final class PublicEventSchema {

    public static final Path FILE = Path.of("..", "docs", "events.schema.json");
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
        try (InputStream schema = Files.newInputStream(FILE)) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema);
        } catch (IOException missing) {
            throw new UncheckedIOException(missing);
        }
    }
}
