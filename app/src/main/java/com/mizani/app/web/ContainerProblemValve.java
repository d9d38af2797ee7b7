package com.mizani.app.web;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat refuses some requests before any of our code sees them (an encoded slash or a NUL in the path, a malformed
 * request line, headers too large, a transfer coding it does not know) and would answer with its HTML error page.
 * This valve answers them, like everything else we refuse, as {@code application/problem+json} with a stable code. It
 * writes only when nothing has been written yet, so it never touches the answers of the application's own error
 * handling.
 */
public class ContainerProblemValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean writable = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
        if (!writable.get()) {
            return;
        }
        if (status == HttpServletResponse.SC_NOT_IMPLEMENTED || status == HttpServletResponse.SC_HTTP_VERSION_NOT_SUPPORTED) {
            // Tomcat answers a transfer coding it does not implement with 501 and an HTTP version it does not speak
            // with 505, as RFC 9112 suggests. Both are the client's bad input: a 4xx, never a server error of ours.
            status = HttpServletResponse.SC_BAD_REQUEST;
            response.setStatus(status);
        }
        String body = ProblemResponses.json(status, ProblemResponses.codeForStatus(status),
                "the request was refused before it reached the application");
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // The client is gone, or the response was taken over meanwhile: nothing more to say.
        }
    }
}
