package com.mizani.command.support;

/** Looks through a failure's chain of causes: the messaging layer wraps what handlers throw, sometimes twice. */
public final class Causes {

    private Causes() {
    }

    public static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
