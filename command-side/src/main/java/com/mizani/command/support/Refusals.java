package com.mizani.command.support;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import org.axonframework.messaging.HandlerExecutionException;

import java.util.Optional;

/**
 * Finds the error code a failure carries, whether it arrives as our own exception or wrapped by the
 * messaging layer (which keeps the code as the exception's "details").
 */
public final class Refusals {

    private Refusals() {
    }

    public static Optional<ErrorCode> codeOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MizaniException refusal) {
                return Optional.of(refusal.code());
            }
            if (cause instanceof HandlerExecutionException wrapped) {
                Optional<ErrorCode> carried = wrapped.getDetails().filter(ErrorCode.class::isInstance).map(ErrorCode.class::cast);
                if (carried.isPresent()) {
                    return carried;
                }
            }
        }
        return Optional.empty();
    }

    /** The refusal's own message, without the wrapping the messaging layer may have added. */
    public static String messageOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MizaniException refusal) {
                return refusal.getMessage();
            }
        }
        return failure.getMessage();
    }
}
