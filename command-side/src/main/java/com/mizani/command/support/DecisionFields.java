package com.mizani.command.support;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;

/** The free text of operators' proposals and decisions: why, in at most {@value #MAX_REASON_LENGTH} characters. */
public final class DecisionFields {

    public static final int MAX_REASON_LENGTH = 500;

    private DecisionFields() {
    }

    /** A reason that must be given: 1 to 500 characters once stripped. */
    public static String requiredReason(String reason) {
        String stripped = reason == null ? "" : reason.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_REASON_LENGTH) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED,
                    "reason is required, at most " + MAX_REASON_LENGTH + " characters");
        }
        return stripped;
    }

    /** A note that may be left out (null when absent or blank), at most 500 characters. */
    public static String optionalReason(String reason) {
        String stripped = reason == null ? "" : reason.strip();
        if (stripped.length() > MAX_REASON_LENGTH) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED, "reason may be at most " + MAX_REASON_LENGTH + " characters");
        }
        return stripped.isEmpty() ? null : stripped;
    }
}
