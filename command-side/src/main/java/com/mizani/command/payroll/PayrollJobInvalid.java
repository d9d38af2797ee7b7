package com.mizani.command.payroll;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;

import java.util.List;

/** A job with invalid lines: nothing of it is created, and the problem lists every line's error. */
public final class PayrollJobInvalid extends MizaniException {

    /** The most errors one answer lists; the count says how many there were. */
    static final int MAX_LISTED = 1_000;

    private final List<LineError> errors;
    private final int errorCount;

    PayrollJobInvalid(List<LineError> errors) {
        super(ErrorCode.PAYROLL_JOB_INVALID, errors.size() + " line(s) of the payroll job are invalid; nothing was created");
        this.errors = List.copyOf(errors.subList(0, Math.min(MAX_LISTED, errors.size())));
        this.errorCount = errors.size();
    }

    public List<LineError> errors() {
        return errors;
    }

    public int errorCount() {
        return errorCount;
    }

    /** @param field the field that is wrong, or null for the line as a whole (a CSV record with too few columns) */
    public record LineError(int line, String field, ErrorCode code) {
    }
}
