package com.mizani.app.mode;

/**
 * The configuration does not let Mizani start ({@link ModeCheck}). Its message is the one line the operator sees;
 * {@code MizaniApplication.main} prints it and exits with {@link #EXIT_CODE}.
 */
public final class StartRefusedException extends RuntimeException {

    /** {@code EX_CONFIG} of sysexits(3): "something was found in an unconfigured or misconfigured state". */
    public static final int EXIT_CODE = 78;

    public StartRefusedException(String line) {
        // No stack trace: the refusal is about the configuration, and where in the start-up it was noticed says nothing.
        super(line, null, false, false);
    }
}
