package com.mizani.providersim;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Set;

/** Reads and checks the fields of a Daraja request body, refusing with the name of the first bad field. */
final class RequestFields {

    /** Kenyan mobile numbers in international form, as Daraja requires them: 2547XXXXXXXX or 2541XXXXXXXX. */
    static final String MSISDN = "254[17]\\d{8}";
    /** Daraja's business short codes (paybill or till numbers). */
    static final String SHORT_CODE = "\\d{5,7}";

    private final JsonNode body;

    RequestFields(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException("Invalid request body: expected a JSON object");
        }
        this.body = body;
    }

    String required(String field) {
        String value = optional(field);
        if (value.isBlank()) {
            throw new InvalidRequestException("Invalid " + field + ": missing");
        }
        return value;
    }

    String optional(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return "";
        }
        if (!node.isValueNode()) {
            throw new InvalidRequestException("Invalid " + field + ": expected a text value");
        }
        return node.asText().trim();
    }

    String oneOf(String field, Set<String> allowed) {
        String value = required(field);
        if (!allowed.contains(value)) {
            throw new InvalidRequestException("Invalid " + field + ": expected one of " + allowed);
        }
        return value;
    }

    String matching(String field, String regex, String expected) {
        String value = required(field);
        if (!value.matches(regex)) {
            throw new InvalidRequestException("Invalid " + field + ": expected " + expected);
        }
        return value;
    }

    /** A whole, positive amount in KES; Daraja sends it as a number or a numeric string, never with cents. */
    long positiveWholeAmount(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            throw new InvalidRequestException("Invalid " + field + ": missing");
        }
        long amount;
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            amount = node.longValue();
        } else if (node.isTextual() && node.asText().trim().matches("-?\\d{1,18}")) {
            amount = Long.parseLong(node.asText().trim());
        } else {
            throw new InvalidRequestException("Invalid " + field + ": expected a whole number of KES");
        }
        if (amount <= 0) {
            throw new InvalidRequestException("Invalid " + field + ": must be positive");
        }
        if (amount > Money.MAX_WHOLE_AMOUNT) {
            throw new InvalidRequestException("Invalid " + field + ": must be at most " + Money.MAX_WHOLE_AMOUNT);
        }
        return amount;
    }

    String msisdn(String field) {
        return matching(field, MSISDN, "a mobile number like 2547XXXXXXXX");
    }

    String shortCode(String field) {
        return matching(field, SHORT_CODE, "a 5 to 7 digit short code");
    }

    URI callbackUrl(String field) {
        String value = required(field);
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (uri.getHost() != null && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                return uri;
            }
        } catch (java.net.URISyntaxException ignored) {
            // Falls through to the refusal below, which names the field.
        }
        throw new InvalidRequestException("Invalid " + field + ": expected an absolute http(s) URL");
    }
}
