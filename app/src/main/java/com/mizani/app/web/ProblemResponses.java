package com.mizani.app.web;

import com.mizani.kernel.error.ErrorCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds RFC 9457 problem responses carrying a stable {@code code}. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static HttpStatus statusOf(ErrorCode code) {
        return switch (code) {
            case UNSUPPORTED_MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case METHOD_NOT_ALLOWED -> HttpStatus.METHOD_NOT_ALLOWED;
            default -> switch (code.category()) {
                case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
                case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
                case FORBIDDEN -> HttpStatus.FORBIDDEN;
                case NOT_FOUND -> HttpStatus.NOT_FOUND;
                case CONFLICT -> HttpStatus.CONFLICT;
                case REFUSED -> HttpStatus.UNPROCESSABLE_CONTENT;
                case THROTTLED -> HttpStatus.TOO_MANY_REQUESTS;
                case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
                case INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
            };
        };
    }

    public static ProblemDetail problem(ErrorCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(statusOf(code), detail);
        problem.setProperty("code", code.name());
        return problem;
    }

    public static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    public static ResponseEntity<ProblemDetail> response(ErrorCode code, String detail) {
        return response(problem(code, detail));
    }
}
