package com.mizani.app.apidoc;

import com.mizani.app.web.ProblemResponses;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.Refuses;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Documents every answer an operation can refuse with: one response per HTTP status, as problem+json, naming each
 * code with its meaning and an example. The codes are the handler's {@code @Refuses} and the common ones.
 */
final class OperationRefusals implements OperationCustomizer {

    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Endpoint.of(handler.getMethod()).ifPresent(endpoint -> document(operation, codesOf(endpoint, handler)));
        return operation;
    }

    static Set<ErrorCode> codesOf(Endpoint endpoint, HandlerMethod handler) {
        Set<ErrorCode> codes = EnumSet.copyOf(CommonRefusals.of(endpoint, handler.getMethod()));
        Refuses own = handler.getMethodAnnotation(Refuses.class);
        if (own != null) {
            codes.addAll(List.of(own.value()));
        }
        return codes;
    }

    private static void document(Operation operation, Set<ErrorCode> codes) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        Map<Integer, List<ErrorCode>> byStatus = codes.stream().collect(Collectors.groupingBy(
                code -> ProblemResponses.statusOf(code).value(), TreeMap::new, Collectors.toList()));
        byStatus.forEach((status, statusCodes) -> responses.addApiResponse(String.valueOf(status), response(status, statusCodes)));
        operation.setResponses(responses);
    }

    private static ApiResponse response(int status, List<ErrorCode> codes) {
        String lines = codes.stream().map(code -> "- `" + code.name() + "`: " + code.meaning())
                .collect(Collectors.joining("\n"));
        Map<String, Example> examples = new LinkedHashMap<>();
        for (ErrorCode code : codes) {
            examples.put(code.name(), new Example().$ref(SharedComponents.exampleRef(code)));
        }
        MediaType problem = new MediaType()
                .schema(new Schema<>().$ref(SharedComponents.ref(SharedComponents.PROBLEM)))
                .examples(examples);
        return new ApiResponse()
                .description(HttpStatus.valueOf(status).getReasonPhrase() + ", with one of these codes:\n\n" + lines)
                .content(new Content().addMediaType(PROBLEM_JSON, problem));
    }

}
