package com.mizani.app.mode;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks what may exist only in local mode ({@code mizani.mode=local}, the default): the embedded PostgreSQL, the
 * embedded MongoDB-wire server, the M-Pesa simulator and the embedded token issuer. In production mode nothing so
 * marked is created, whatever else is configured.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(name = "mizani.mode", havingValue = "local", matchIfMissing = true)
public @interface ConditionalOnLocalMode {
}
