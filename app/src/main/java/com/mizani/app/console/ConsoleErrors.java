package com.mizani.app.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What a page shows when something it asked for did not happen: the API's refusal in its own words (with its code),
 * a malformed address, or, for anything else, a plain apology without internals. An expired sign-in goes to sign in
 * again. Pages only: the API keeps its problem documents.
 */
@ControllerAdvice(basePackages = "com.mizani.app.console")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

    @ExceptionHandler(ApiRefusal.class)
    String refused(ApiRefusal refusal, Model model, HttpServletResponse response) {
        return page(model, response, refusal.status(), refusal.code(), refusal.getMessage());
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    String malformed(Exception malformed, Model model, HttpServletResponse response) {
        return page(model, response, 400, "MALFORMED_REQUEST", "this address or form is not one the console made");
    }

    @ExceptionHandler(ConsoleSignInExpired.class)
    String expired(HttpServletRequest request, HttpServletResponse response) {
        SecurityContextHolder.clearContext();
        var session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(ConsoleSecurityConfiguration.SESSION_CONTEXT);
        }
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", ConsoleClientRegistrations.SIGN_IN_PATH);
            return "console/empty";
        }
        return "redirect:" + ConsoleClientRegistrations.SIGN_IN_PATH;
    }

    @ExceptionHandler(Exception.class)
    String failed(Exception failure, Model model, HttpServletResponse response) {
        log.error("a console page failed", failure);
        return page(model, response, 500, "INTERNAL_ERROR",
                "something went wrong on our side; the operations team can find it in the log");
    }

    /** The error page, with the API's status, code and detail (the form-refused page uses it too). */
    static String page(Model model, HttpServletResponse response, int status, String code, String detail) {
        response.setStatus(status);
        model.addAttribute("me", ConsoleModel.signedIn());
        model.addAttribute("status", status);
        model.addAttribute("code", code);
        model.addAttribute("detail", detail);
        return "console/error";
    }
}
