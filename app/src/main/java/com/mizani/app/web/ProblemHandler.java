package com.mizani.app.web;

import com.mizani.command.adjustment.AdjustmentController.AdjustmentFailed;
import com.mizani.command.payment.PaymentRejected;
import com.mizani.command.payroll.PayrollJobInvalid;
import com.mizani.command.support.Causes;
import com.mizani.command.support.Problems;
import com.mizani.command.support.Refusals;
import com.mizani.command.support.RetryLater;
import com.mizani.command.transfer.TransferRejected;
import com.mizani.kernel.error.ErrorCode;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns every failure into problem+json with a stable code. Bad input is a 4xx that names what was wrong;
 * only our own faults are 5xx, and those never echo internals to the client.
 */
@RestControllerAdvice
public class ProblemHandler implements Problems {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    /**
     * The problem a failure met inside an answer (by one item of a batch) is answered with: the one the handlers
     * below answer it with when it ends a request, chosen as Spring MVC chooses them, by the failure's own type. The
     * handlers of failures only the web layer meets (an unreadable body, a wrong method) have no part in it.
     */
    @Override
    public ProblemDetail problemOf(Exception failure) {
        ResponseEntity<ProblemDetail> answer = switch (failure) {
            case TransferRejected rejected -> transferRejected(rejected);
            case PaymentRejected rejected -> paymentRejected(rejected);
            case AdjustmentFailed adjustmentFailed -> adjustmentFailed(adjustmentFailed);
            case PayrollJobInvalid invalid -> payrollJobInvalid(invalid);
            case RetryLater later -> retryLater(later);
            case ConcurrencyException conflict -> concurrency(conflict);
            case DataAccessResourceFailureException down -> databaseDown(down);
            default -> any(failure);
        };
        return answer.getBody();
    }

    @ExceptionHandler(TransferRejected.class)
    ResponseEntity<ProblemDetail> transferRejected(TransferRejected rejected) {
        ProblemDetail problem = ProblemResponses.problem(rejected.code(), rejected.getMessage());
        problem.setProperty("transferId", rejected.transferId());
        return ProblemResponses.response(problem);
    }

    @ExceptionHandler(PaymentRejected.class)
    ResponseEntity<ProblemDetail> paymentRejected(PaymentRejected rejected) {
        ProblemDetail problem = ProblemResponses.problem(rejected.code(), rejected.getMessage());
        problem.setProperty("paymentId", rejected.paymentId());
        return ProblemResponses.response(problem);
    }

    @ExceptionHandler(AdjustmentFailed.class)
    ResponseEntity<ProblemDetail> adjustmentFailed(AdjustmentFailed failed) {
        ProblemDetail problem = ProblemResponses.problem(failed.code(), failed.getMessage());
        problem.setProperty("adjustmentId", failed.adjustmentId());
        return ProblemResponses.response(problem);
    }

    /** Every bad line of a payroll job, each as {line, field, code}; nothing of the job was created. */
    @ExceptionHandler(PayrollJobInvalid.class)
    ResponseEntity<ProblemDetail> payrollJobInvalid(PayrollJobInvalid invalid) {
        ProblemDetail problem = ProblemResponses.problem(invalid.code(), invalid.getMessage());
        problem.setProperty("errors", invalid.errors());
        problem.setProperty("errorCount", invalid.errorCount());
        return ProblemResponses.response(problem);
    }

    /** Work refused for now, not for good: the answer says when to offer it again. */
    @ExceptionHandler(RetryLater.class)
    ResponseEntity<ProblemDetail> retryLater(RetryLater later) {
        return ProblemResponses.response(ProblemResponses.problem(later.code(), later.getMessage()),
                later.retryAfterSeconds());
    }

    /**
     * Spring Security's firewall checks a header's value when it is first read: one outside visible ASCII reaches a
     * controller, which fails reading it. Bad input, not our fault.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException rejected) {
        return ProblemResponses.response(ErrorCode.MALFORMED_REQUEST, "the request's path or headers hold characters this API refuses");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException unreadable) {
        if (Causes.causedBy(unreadable, RequestSizeLimitFilter.BodyTooLarge.class)) {
            return ProblemResponses.response(ErrorCode.REQUEST_TOO_LARGE, RequestSizeLimitFilter.TOO_LARGE_DETAIL);
        }
        return ProblemResponses.response(ErrorCode.MALFORMED_REQUEST, "the request body is missing or is not valid JSON of the expected shape");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException mismatch) {
        if (mismatch.getRequiredType() == UUID.class) {
            return ProblemResponses.response(ErrorCode.INVALID_ID, mismatch.getName() + " must be a UUID");
        }
        return ProblemResponses.response(ErrorCode.VALIDATION_FAILED, mismatch.getName() + " has the wrong type");
    }

    /** A path segment that converts to nothing (a UUID that is only blanks) is as malformed as one that fails to convert. */
    @ExceptionHandler(MissingPathVariableException.class)
    ResponseEntity<ProblemDetail> missingPathVariable(MissingPathVariableException missing) {
        if (!missing.isMissingAfterConversion()) {
            return any(missing);
        }
        if (missing.getParameter().getParameterType() == UUID.class) {
            return ProblemResponses.response(ErrorCode.INVALID_ID, missing.getVariableName() + " must be a UUID");
        }
        return ProblemResponses.response(ErrorCode.VALIDATION_FAILED, missing.getVariableName() + " is required");
    }

    /** The container could not read the query string or form parameters (a bad percent-encoding, not UTF-8, no name). */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> unreadableParameters(InvalidParameterException invalid) {
        return ProblemResponses.response(ProblemResponses.codeForStatus(invalid.getErrorCode()),
                "the query string or form parameters are malformed");
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MissingRequestHeaderException.class})
    ResponseEntity<ProblemDetail> missing(Exception missing) {
        return ProblemResponses.response(ErrorCode.VALIDATION_FAILED, missing.getMessage());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException unsupported) {
        return ProblemResponses.response(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json");
    }

    /**
     * 406 with the types the resource has. An Accept header that cannot be parsed at all (a quality that is no
     * number, say) comes with no types: malformed input, 400.
     */
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException notAcceptable) {
        List<MediaType> available = notAcceptable.getSupportedMediaTypes();
        if (available.isEmpty()) {
            return ProblemResponses.response(ErrorCode.VALIDATION_FAILED, "the Accept header cannot be read");
        }
        return ProblemResponses.response(ErrorCode.NOT_ACCEPTABLE, "this resource is available as "
                + available.stream().map(MediaType::toString).collect(Collectors.joining(" or ")));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException unsupported) {
        return ProblemResponses.response(ErrorCode.METHOD_NOT_ALLOWED, unsupported.getMessage());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException missing) {
        return ProblemResponses.response(ErrorCode.NOT_FOUND, "no such resource");
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrency(ConcurrencyException conflict) {
        return ProblemResponses.response(ErrorCode.CONCURRENT_MODIFICATION,
                "the resource was changed concurrently; retry the request with the same Idempotency-Key");
    }

    @ExceptionHandler(DataAccessResourceFailureException.class)
    ResponseEntity<ProblemDetail> databaseDown(DataAccessResourceFailureException down) {
        log.warn("database unavailable: {}", down.getMessage());
        return ProblemResponses.response(ErrorCode.SERVICE_UNAVAILABLE, "the ledger database is unavailable; retry later");
    }

    /** A streaming client (a live status stream) hung up: there is nobody left to answer. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone(AsyncRequestNotUsableException gone) {
        log.debug("client went away: {}", gone.getMessage());
    }

    /** Our own refusals, wherever they were thrown, and everything unexpected. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> any(Exception failure) {
        Optional<ErrorCode> code = Refusals.codeOf(failure);
        if (code.isPresent()) {
            return ProblemResponses.response(code.get(), Refusals.messageOf(failure));
        }
        if (Causes.causedBy(failure, AggregateNotFoundException.class)) {
            return ProblemResponses.response(ErrorCode.NOT_FOUND, "no such resource");
        }
        if (isDatabaseUnavailable(failure)) {
            return databaseDown(new DataAccessResourceFailureException(failure.getMessage(), failure));
        }
        if (failure instanceof ErrorResponse refused && refused.getStatusCode().is4xxClientError()) {
            // Spring MVC refused the request before our code ran, for a reason no handler above names.
            String detail = refused.getBody().getDetail();
            return ProblemResponses.response(ProblemResponses.codeForStatus(refused.getStatusCode().value()),
                    detail == null ? "the request is not valid" : detail);
        }
        log.error("unexpected failure", failure);
        return ProblemResponses.response(ErrorCode.INTERNAL_ERROR, "an internal error occurred");
    }

    /**
     * A failure that comes from the database layer (a lost or refused connection, a transaction that could not be
     * begun or rolled back) rather than from our rules: the database is down or restarting, and the client should
     * retry, with the same Idempotency-Key, later. Bad input never gets this far: it is refused before any command.
     */
    private static boolean isDatabaseUnavailable(Throwable failure) {
        return Causes.causedBy(failure, SQLException.class)
                || Causes.causedBy(failure, TransactionException.class)
                || Causes.causedBy(failure, DataAccessException.class);
    }
}
