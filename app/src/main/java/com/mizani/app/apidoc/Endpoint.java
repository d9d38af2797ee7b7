package com.mizani.app.apidoc;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMapping;

import java.lang.reflect.Method;
import java.util.Optional;

/** An API operation as the access policy and the document name it: its method and path template. */
record Endpoint(HttpMethod method, String pathTemplate) {

    /** The operation a handler method serves, from its mapping and its controller's; empty for a non-handler. */
    static Optional<Endpoint> of(Method handler) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler, RequestMapping.class);
        if (mapping == null || mapping.method().length != 1) {
            return Optional.empty();
        }
        RequestMapping base = AnnotatedElementUtils.findMergedAnnotation(handler.getDeclaringClass(), RequestMapping.class);
        String prefix = base == null || base.path().length == 0 ? "" : base.path()[0];
        String path = mapping.path().length == 0 ? "" : mapping.path()[0];
        return Optional.of(new Endpoint(HttpMethod.valueOf(mapping.method()[0].name()), prefix + path));
    }

    boolean isProviderCallback() {
        return pathTemplate.startsWith("/api/v1/providers/");
    }
}
