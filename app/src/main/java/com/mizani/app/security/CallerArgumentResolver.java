package com.mizani.app.security;

import com.mizani.command.support.Caller;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.util.Set;
import java.util.regex.Pattern;

/** Gives controllers the {@link Caller} of the request they serve. */
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    static final String CLIENT_HEADER = "X-Client-Id";
    static final String OPERATOR_HEADER = "X-Operator";
    /** Requests without an X-Client-Id share one idempotency namespace. */
    static final String DEFAULT_CLIENT = "public";
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern OPERATOR = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest web,
                                  WebDataBinderFactory binders) {
        HttpServletRequest request = web.getNativeRequest(HttpServletRequest.class);
        String operator = request.getHeader(OPERATOR_HEADER);
        if (operator != null) {
            if (!OPERATOR.matcher(operator).matches()) {
                throw new MizaniException(ErrorCode.VALIDATION_FAILED,
                        OPERATOR_HEADER + " must be 1 to 64 letters, digits, '.', '_', '@' or '-'");
            }
            return new Caller(operator, Set.of(), null);
        }
        String client = request.getHeader(CLIENT_HEADER);
        if (client == null) {
            return new Caller(DEFAULT_CLIENT, Set.of(), null);
        }
        if (!CLIENT_ID.matcher(client).matches()) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED,
                    CLIENT_HEADER + " must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        return new Caller(client, Set.of(), null);
    }
}
