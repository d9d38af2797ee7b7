package com.mizani.app.web;

import com.mizani.kernel.error.ErrorCode;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import java.io.IOException;

/**
 * Answers what the servlet container sends to its error page: a status set outside Spring MVC's handlers (a TRACE
 * request, a filter's refusal) or an exception that escaped a filter. It takes the place of Spring Boot's error
 * controller, which answers in a JSON or HTML shape of its own, so that these answers are problem+json with a stable
 * code like every other refusal, whatever the client accepts. It writes the answer itself rather than through the
 * message converters: the request that ended here may be one they cannot cope with (its filters did not run again
 * for the error page). The container has already logged any exception.
 */
@Hidden
@Controller
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status)) {
            // Asked for directly: the error page is not a resource of the API.
            ProblemResponses.write(response, ErrorCode.NOT_FOUND, "no such resource");
            return;
        }
        ErrorCode code = ProblemResponses.codeForStatus(status);
        ProblemResponses.write(response, status, code, code == ErrorCode.INTERNAL_ERROR
                ? "an internal error occurred" : "the request was refused before it reached the application");
    }
}
