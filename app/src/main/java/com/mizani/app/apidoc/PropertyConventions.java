package com.mizani.app.apidoc;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One meaning for each property name across the whole API, decided here rather than on every record: an amount is
 * the shared Amount, a currency the shared CurrencyCode, an id a UUID, and each has the same example wherever it
 * appears, so that the examples of one operation fit those of the next.
 */
final class PropertyConventions implements OpenApiCustomizer {

    /** Properties that hold an amount of money as a decimal string, in the currency beside them. */
    private static final Set<String> AMOUNTS = Set.of("amount", "fee", "available", "held", "total", "balance",
            "balanceAfter", "volume", "walletsTotal", "systemAccountsTotal", "sum", "difference");

    private static final Map<String, String> UUID_EXAMPLES = Map.ofEntries(
            Map.entry("walletId", "3f1c0d6e-8a47-4d8b-9a1e-5c2b7f0e4d19"),
            Map.entry("sourceWalletId", "3f1c0d6e-8a47-4d8b-9a1e-5c2b7f0e4d19"),
            Map.entry("destinationWalletId", "9b2e4f71-0c5d-4a3e-8f6b-1d7a2c9e5b08"),
            Map.entry("counterpartyWalletId", "9b2e4f71-0c5d-4a3e-8f6b-1d7a2c9e5b08"),
            Map.entry("ownerId", "7f0c6a55-2d7e-4b4a-9a51-3c1f3f0f2a11"),
            Map.entry("transferId", "c4a7e2d9-5b18-4f3a-9e6c-2d8b1a7f0e53"),
            Map.entry("paymentId", "5e9d3b2a-7c41-4e8f-b0a6-9f2c1d4e7a86"),
            Map.entry("transactionId", "c4a7e2d9-5b18-4f3a-9e6c-2d8b1a7f0e53"),
            Map.entry("adjustmentId", "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"),
            Map.entry("incidentId", "d7e8f9a0-b1c2-4d3e-8f4a-5b6c7d8e9f01"),
            Map.entry("proposalId", "0f1e2d3c-4b5a-4968-8776-655443322110"),
            Map.entry("eventId", "8e7d6c5b-4a39-4281-9f0e-d1c2b3a49586"));

    private static final Map<String, Object> EXAMPLES = Map.of(
            "reason", "Checked against the provider's statement of 1 December",
            "name", "Wallet app",
            "username", "jane.operator",
            "requestedAt", "2026-12-01T09:30:00Z",
            "finishedAt", "2026-12-01T09:30:02Z",
            "occurredAt", "2026-12-01T09:30:01Z",
            "updatedAt", "2026-12-01T09:30:02Z",
            "createdAt", "2026-12-01T08:00:00Z",
            "asOf", "2026-12-01T12:00:00Z");

    @Override
    public void customise(OpenAPI document) {
        if (document.getComponents() == null || document.getComponents().getSchemas() == null) {
            return;
        }
        document.getComponents().getSchemas().forEach((name, schema) -> {
            if (!name.equals(SharedComponents.MONEY)) {
                apply(schema, name.endsWith("Request"));
            }
        });
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void apply(Schema<?> schema, boolean request) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        Map<String, Schema> applied = new LinkedHashMap<>();
        properties.forEach((name, property) -> applied.put(name, convention(name, property, request)));
        if (isString(properties.get("amount")) && isString(properties.get("currency"))) {
            // The pair is the shared Money; the schema keeps its other properties beside it.
            applied.remove("amount");
            applied.remove("currency");
            schema.setAllOf(List.of(new Schema<>().$ref(SharedComponents.ref(SharedComponents.MONEY))));
            if (schema.getRequired() != null) {
                schema.setRequired(schema.getRequired().stream()
                        .filter(field -> !field.equals("amount") && !field.equals("currency")).toList());
            }
        }
        schema.setProperties(applied);
    }

    @SuppressWarnings("rawtypes")
    private static Schema convention(String name, Schema property, boolean request) {
        if (!isString(property)) {
            return property;
        }
        if (AMOUNTS.contains(name)) {
            return new Schema<>().$ref(SharedComponents.ref(SharedComponents.AMOUNT)).description(property.getDescription());
        }
        if (name.equals("currency")) {
            return new Schema<>().$ref(SharedComponents.ref(SharedComponents.CURRENCY)).description(property.getDescription());
        }
        if (UUID_EXAMPLES.containsKey(name)) {
            property.setFormat("uuid");
            property.setExample(UUID_EXAMPLES.get(name));
        } else if (name.equals("msisdn")) {
            // Views show a number masked, so that it never leaks from a screen or a log.
            property.setExample(request ? "254708374149" : "2547*****149");
            if (request) {
                property.setPattern("^\\+?254[17][0-9]{8}$");
            }
        } else if (EXAMPLES.containsKey(name) && property.getExample() == null) {
            property.setExample(EXAMPLES.get(name));
        }
        return property;
    }

    @SuppressWarnings("rawtypes")
    private static boolean isString(Schema property) {
        if (property == null || property.get$ref() != null) {
            return false;
        }
        if ("string".equals(property.getType())) {
            return true;
        }
        Set<String> types = property.getTypes();
        return types != null && types.contains("string");
    }
}
