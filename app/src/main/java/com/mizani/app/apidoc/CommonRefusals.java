package com.mizani.app.apidoc;

import com.mizani.app.security.AccessPolicy;
import com.mizani.app.security.OperationAccess;
import com.mizani.kernel.consistency.ReadsProjections;
import com.mizani.kernel.error.ErrorCategory;
import com.mizani.kernel.error.ErrorCode;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * The codes an operation can answer with before or around its own code runs: the web layer's filters, the
 * security chain, the access policy, the wait of a read for its projections and Spring MVC's binding of its
 * parameters. An operation's own codes are the
 * ones its {@code @Refuses} names; together they are what the API reference lists under it.
 */
final class CommonRefusals {

    /** Any request at all: headers or a path that cannot be read, a Content-Type or Accept that cannot be met... */
    static final Set<ErrorCode> EVERY_REQUEST = EnumSet.of(ErrorCode.MALFORMED_REQUEST, ErrorCode.UNSUPPORTED_MEDIA_TYPE,
            ErrorCode.NOT_ACCEPTABLE, ErrorCode.RATE_LIMITED, ErrorCode.SERVICE_UNAVAILABLE, ErrorCode.INTERNAL_ERROR);

    /** A bearer token that is missing, bad, expired or of a disabled principal. */
    static final Set<ErrorCode> AUTHENTICATION = EnumSet.of(ErrorCode.AUTHENTICATION_REQUIRED, ErrorCode.TOKEN_INVALID,
            ErrorCode.TOKEN_EXPIRED, ErrorCode.TOKEN_ISSUER_INVALID, ErrorCode.TOKEN_AUDIENCE_INVALID,
            ErrorCode.PRINCIPAL_DISABLED);

    /** Every code this class can add to an operation; the rest are the operation's own. */
    static final Set<ErrorCode> ALL = all();

    private CommonRefusals() {
    }

    static Set<ErrorCode> of(Endpoint endpoint, Method handler) {
        Set<ErrorCode> codes = EnumSet.copyOf(EVERY_REQUEST);
        if (!endpoint.isProviderCallback()) {
            codes.addAll(AUTHENTICATION);
            AccessPolicy.accessOf(endpoint.method(), endpoint.pathTemplate())
                    .map(OperationAccess::refusals).ifPresent(codes::addAll);
        }
        if (handler.isAnnotationPresent(ReadsProjections.class)) {
            codes.add(ErrorCode.READ_MODEL_BEHIND);
        }
        for (Parameter parameter : handler.getParameters()) {
            codes.addAll(bindingRefusals(parameter));
        }
        return codes;
    }

    /** What Spring MVC refuses a request with when it cannot bind one parameter of the handler (ProblemHandler). */
    private static Set<ErrorCode> bindingRefusals(Parameter parameter) {
        Set<ErrorCode> codes = EnumSet.noneOf(ErrorCode.class);
        if (parameter.isAnnotationPresent(RequestBody.class)) {
            codes.add(ErrorCode.REQUEST_TOO_LARGE);
        }
        boolean converted = parameter.getType() != String.class && parameter.getType() != byte[].class;
        if (parameter.isAnnotationPresent(PathVariable.class) || parameter.isAnnotationPresent(RequestParam.class)) {
            if (parameter.getType() == UUID.class) {
                codes.add(ErrorCode.INVALID_ID);
            } else if (converted) {
                codes.add(ErrorCode.VALIDATION_FAILED);
            }
        }
        RequestParam param = parameter.getAnnotation(RequestParam.class);
        if (param != null && param.required() && ValueConstants.DEFAULT_NONE.equals(param.defaultValue())) {
            codes.add(ErrorCode.VALIDATION_FAILED);
        }
        RequestHeader header = parameter.getAnnotation(RequestHeader.class);
        if (header != null && header.required() && ValueConstants.DEFAULT_NONE.equals(header.defaultValue())) {
            codes.add(ErrorCode.VALIDATION_FAILED);
        }
        return codes;
    }

    private static Set<ErrorCode> all() {
        Set<ErrorCode> codes = EnumSet.copyOf(EVERY_REQUEST);
        codes.addAll(AUTHENTICATION);
        codes.add(ErrorCode.ACCESS_DENIED);
        codes.add(ErrorCode.REQUEST_TOO_LARGE);
        codes.add(ErrorCode.VALIDATION_FAILED);
        codes.add(ErrorCode.INVALID_ID);
        codes.add(ErrorCode.READ_MODEL_BEHIND);
        // A customer's request for what is not its own is answered as if it did not exist.
        Arrays.stream(ErrorCode.values()).filter(code -> code.category() == ErrorCategory.NOT_FOUND).forEach(codes::add);
        return codes;
    }
}
