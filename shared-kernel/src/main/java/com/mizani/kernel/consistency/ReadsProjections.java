package com.mizani.kernel.consistency;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A read answered from these projections (their processing groups). Before the handler runs, the request waits
 * until the projections hold every event committed before it began, so the answer shows every write answered before
 * the read was sent: a client never sees its own write undone by the next GET.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadsProjections {

    /** The processing groups whose views the handler reads. */
    String[] value();
}
