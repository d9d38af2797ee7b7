package com.mizani.app.console;

/** The API refused what a page asked for: its status, stable code and explanation, shown to the person as such. */
public final class ApiRefusal extends RuntimeException {

    private final int status;
    private final String code;

    public ApiRefusal(int status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
