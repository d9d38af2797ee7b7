package com.mizani.app.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The dashboards exist wherever people can sign in, that is unless authentication is switched off (a setting that
 * exists only to measure what authentication costs).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(name = "mizani.security.enabled", havingValue = "true", matchIfMissing = true)
public @interface ConditionalOnConsole {
}
