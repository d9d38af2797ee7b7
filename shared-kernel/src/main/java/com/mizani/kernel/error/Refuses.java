package com.mizani.kernel.error;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The error codes an API operation answers with, beyond those every operation of its kind can answer (a bad token,
 * a missing role, a rate limit, a body that is not JSON). The API reference lists them under the operation, and a
 * test holds the list to the code: every code the handler can reach is listed, and every listed code is reachable.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Refuses {

    ErrorCode[] value() default {};
}
