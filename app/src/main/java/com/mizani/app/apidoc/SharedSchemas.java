package com.mizani.app.apidoc;

import com.mizani.kernel.error.ErrorCode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Adds the shared schemas, and an example problem for every code some operation answers with (only those: an
 * example nobody refers to would be noise in the reference).
 */
final class SharedSchemas implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI document) {
        Components components = document.getComponents();
        SharedComponents.addSchemasTo(components);
        Set<ErrorCode> answered = EnumSet.noneOf(ErrorCode.class);
        if (document.getPaths() != null) {
            document.getPaths().values().stream()
                    .flatMap(item -> item.readOperations().stream())
                    .filter(operation -> operation.getResponses() != null)
                    .flatMap(operation -> operation.getResponses().values().stream())
                    .map(response -> response.getContent())
                    .filter(Objects::nonNull)
                    .map(content -> content.get(OperationRefusals.PROBLEM_JSON))
                    .filter(Objects::nonNull)
                    .map(MediaType::getExamples)
                    .filter(Objects::nonNull)
                    .forEach(examples -> examples.keySet().forEach(code -> answered.add(ErrorCode.valueOf(code))));
        }
        answered.forEach(code -> components.addExamples(code.name(), SharedComponents.exampleOf(code)));
    }
}
