package com.mizani.app.audit;

import jakarta.servlet.http.HttpServletRequest;

import java.util.regex.Pattern;

/**
 * Who an HTTP request acts for, as the audit trail names it. Provider callbacks act for the provider (whether their
 * signature holds is decided later, and a refusal is audited with its reason); an operator names themselves in
 * {@code X-Operator}; anyone else is the API client of {@code X-Client-Id}. Header values that are not plain names
 * are ignored here: the endpoints that need them refuse such requests before any command is sent.
 */
final class RequestActor {

    static final String OPERATOR_HEADER = "X-Operator";
    static final String CLIENT_HEADER = "X-Client-Id";

    private static final String PROVIDER_CALLBACKS = "/api/v1/providers/";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private RequestActor() {
    }

    static String of(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path.startsWith(PROVIDER_CALLBACKS)) {
            String provider = path.substring(PROVIDER_CALLBACKS.length()).split("/", 2)[0];
            return "provider:" + (NAME.matcher(provider).matches() ? provider : "unknown");
        }
        String operator = request.getHeader(OPERATOR_HEADER);
        if (operator != null && NAME.matcher(operator).matches()) {
            return "operator:" + operator;
        }
        String client = request.getHeader(CLIENT_HEADER);
        return "client:" + (client != null && NAME.matcher(client).matches() ? client : "anonymous");
    }
}
