package com.mizani.app.web;

import com.mizani.kernel.error.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.Charset;

/**
 * Refuses, before anything else reads the request, a Content-Type that is not one concrete media type with a charset
 * this JVM knows. Further in, such a header fails in places that do not expect it to: Spring MVC cannot describe a
 * wildcard body type, and it decodes the request path for every answer in the request's charset, so an empty or
 * illegal charset name would turn even a simple GET into a server error.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ContentTypeFilter extends OncePerRequestFilter {

    private static final String DETAIL = "the Content-Type header must name one media type, such as application/json";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType != null && !isConcrete(contentType, request.getCharacterEncoding())) {
            ProblemResponses.write(response, ErrorCode.UNSUPPORTED_MEDIA_TYPE, DETAIL);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The charset is checked as the container reads it too, because that reading is what the path is decoded with. */
    private static boolean isConcrete(String contentType, String containerCharset) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isConcrete() && (containerCharset == null || Charset.isSupported(containerCharset));
        } catch (IllegalArgumentException unreadable) {
            // An InvalidMediaTypeException, or Charset.isSupported refusing an illegal charset name.
            return false;
        }
    }
}
