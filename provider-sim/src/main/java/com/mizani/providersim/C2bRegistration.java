package com.mizani.providersim;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Set;

/** A validated {@code POST /mpesa/c2b/v1/registerurl} body: where one short code's C2B payments are reported. */
record C2bRegistration(String shortCode, String responseType, URI confirmationUrl, URI validationUrl) {

    static C2bRegistration parse(JsonNode body) {
        RequestFields fields = new RequestFields(body);
        return new C2bRegistration(fields.shortCode("ShortCode"),
                fields.oneOf("ResponseType", Set.of("Completed", "Cancelled")),
                fields.callbackUrl("ConfirmationURL"), fields.callbackUrl("ValidationURL"));
    }
}
