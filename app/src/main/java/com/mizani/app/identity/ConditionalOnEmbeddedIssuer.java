package com.mizani.app.identity;

import com.mizani.app.mode.ConditionalOnLocalMode;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The embedded token issuer exists only in local mode, with authentication on and no outside issuer configured
 * ({@code mizani.security.issuer-uri}). Production mode can never create it.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnLocalMode
@ConditionalOnExpression("${mizani.security.enabled:true} and '${mizani.security.issuer-uri:}'.isEmpty()")
public @interface ConditionalOnEmbeddedIssuer {
}
