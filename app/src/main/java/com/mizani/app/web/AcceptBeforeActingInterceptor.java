package com.mizani.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.List;
import java.util.Set;

/**
 * Refuses a request that would change something when its answer could not be given in a type the client accepts,
 * before the handler acts. Left to the message converters, the refusal would come after the wallet was opened or the
 * money moved, and the client would be told 400 about a request that took effect. Every command endpoint answers
 * JSON; one that declares what it produces has been checked by Spring MVC's mapping already.
 */
class AcceptBeforeActingInterceptor implements HandlerInterceptor {

    private static final Set<String> SAFE_METHODS = Set.of(HttpMethod.GET.name(), HttpMethod.HEAD.name(),
            HttpMethod.OPTIONS.name(), HttpMethod.TRACE.name());
    private static final HeaderContentNegotiationStrategy ACCEPT = new HeaderContentNegotiationStrategy();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException {
        if (!(handler instanceof HandlerMethod) || SAFE_METHODS.contains(request.getMethod())
                || request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE) != null) {
            return true;
        }
        List<MediaType> accepted = ACCEPT.resolveMediaTypes(new ServletWebRequest(request));
        if (accepted.stream().noneMatch(MediaType.APPLICATION_JSON::isCompatibleWith)) {
            throw new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON));
        }
        return true;
    }
}
