package com.mizani.app.apidoc;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.app.web.ProblemResponses;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;

import org.springframework.http.HttpStatus;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schemas and parameters every operation shares, declared once: money, the problem an error is, the
 * idempotency key, and the cursor and limit of a list.
 */
final class SharedComponents {

    static final String AMOUNT = "Amount";
    static final String CURRENCY = "CurrencyCode";
    static final String MONEY = "Money";
    static final String PROBLEM = "Problem";
    static final String IDEMPOTENCY_KEY = "IdempotencyKey";
    static final String IDEMPOTENCY_KEY_OPTIONAL = "IdempotencyKeyOptional";
    static final String PREFER = "Prefer";
    static final String CURSOR = "Cursor";
    static final String LIMIT = "Limit";

    private SharedComponents() {
    }

    static String ref(String schema) {
        return "#/components/schemas/" + schema;
    }

    static String parameterRef(String parameter) {
        return "#/components/parameters/" + parameter;
    }

    /** The parameters, which the document keeps whether or not an operation refers to them yet. */
    static void addParametersTo(Components components) {
        components.addParameters(IDEMPOTENCY_KEY, idempotencyKey(true));
        components.addParameters(IDEMPOTENCY_KEY_OPTIONAL, idempotencyKey(false));
        components.addParameters(PREFER, new HeaderParameter().name("Prefer").required(false)
                .description("`respond-async` (RFC 7240) asks for 202 Accepted at once, with a Location to poll, "
                        + "instead of waiting up to 2 s for the outcome.")
                .schema(new StringSchema()._enum(List.of("respond-async"))));
        components.addParameters(CURSOR, new QueryParameter().name("cursor").required(false)
                .description("The `nextCursor` of the previous page, as given; absent for the first page. Cursors "
                        + "are opaque: a cursor this API did not give out is refused with INVALID_CURSOR.")
                .schema(new StringSchema().maxLength(512)));
        components.addParameters(LIMIT, new QueryParameter().name("limit").required(false)
                .description("How many items a page holds at most.")
                .schema(new IntegerSchema().minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(500))._default(50)));
    }

    /**
     * The schemas. springdoc drops the schemas no operation refers to before the customizers run, so these are
     * added by a customizer, once the document's own schemas refer to them.
     */
    static void addSchemasTo(Components components) {
        components.addSchemas(AMOUNT, new StringSchema()
                .pattern("^[0-9]{1,18}(\\.[0-9]{1,18})?$")
                .description("An amount in major units as a decimal string, never a JSON number (no rounding on the "
                        + "way), with at most as many decimals as its currency has: KES and USD 2, UGX 0, KWD 3. "
                        + "Amounts in requests are positive.")
                .example("1250.50"));
        components.addSchemas(CURRENCY, new StringSchema()
                .pattern("^[A-Z]{3}$")
                .description("An ISO 4217 currency code. A wallet holds one currency.")
                .example("KES"));
        components.addSchemas(MONEY, new ObjectSchema()
                .description("An amount of money: the amount as a decimal string and its currency. Every request and "
                        + "view that moves or holds money carries these two fields side by side.")
                .addProperty("amount", new Schema<>().$ref(ref(AMOUNT)))
                .addProperty("currency", new Schema<>().$ref(ref(CURRENCY)))
                .required(List.of("amount", "currency")));
        components.addSchemas(PROBLEM, problem());
    }

    static String exampleRef(ErrorCode code) {
        return "#/components/examples/" + code.name();
    }

    /** One example problem per code, which every operation that answers with the code refers to. */
    static Example exampleOf(ErrorCode code) {
        int status = ProblemResponses.statusOf(code).value();
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", HttpStatus.valueOf(status).getReasonPhrase());
        problem.put("status", status);
        problem.put("detail", code.meaning());
        problem.put("code", code.name());
        return new Example().summary(code.name() + ": " + code.meaning()).value(problem);
    }

    private static Parameter idempotencyKey(boolean required) {
        return new HeaderParameter().name("Idempotency-Key").required(required)
                .description("The client's key for this request: the same key with the same body is answered with "
                        + "the first outcome and never acts twice; with another body it is refused (409 "
                        + "IDEMPOTENCY_KEY_REUSED). Keys belong to the client that sent them. "
                        + (required ? "" : "Without a key the request is not idempotent: each creates a new resource. ")
                        + "For example `order-4711-payout`; see docs/api.md.")
                // No example value: Swagger UI would fill it in, and a second try would reuse the first's key.
                .schema(new StringSchema().minLength(1).maxLength(128).pattern("^[\\x21-\\x7E]+$"));
    }

    private static Schema<?> problem() {
        List<String> codes = Arrays.stream(ErrorCode.values()).map(ErrorCode::name).toList();
        return new ObjectSchema()
                .description("An error, as RFC 9457 problem details (application/problem+json), with the stable "
                        + "`code` a client branches on. Codes are never renamed or reused; each operation lists the "
                        + "ones it answers with.")
                .addProperty("type", new StringSchema().format("uri").example("about:blank")
                        .description("The problem type; absent or about:blank: the status and code say it all."))
                .addProperty("title", new StringSchema().description("The HTTP status's reason phrase.")
                        .example("Unprocessable Content"))
                .addProperty("status", new IntegerSchema().format("int32").description("The HTTP status.").example(422))
                .addProperty("detail", new StringSchema().description("What was wrong, for a person to read.")
                        .example("wallet 3f1c0d6e-8a47-4d8b-9a1e-5c2b7f0e4d19 holds less than 250.75 KES"))
                .addProperty("instance", new StringSchema().format("uri").description("The request's path, when given."))
                .addProperty("code", new StringSchema()._enum(codes).description("The stable error code."))
                .addProperty("transferId", new StringSchema().format("uuid")
                        .description("The transfer that was refused, when a transfer was."))
                .addProperty("paymentId", new StringSchema().format("uuid")
                        .description("The payment that was refused, when a payment was."))
                .addProperty("adjustmentId", new StringSchema().format("uuid")
                        .description("The adjustment that failed, when an approved adjustment did."))
                .required(List.of("title", "status", "code"));
    }
}
