package com.mizani.app.fx;

import com.mizani.app.mode.ConditionalOnLocalMode;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The embedded FX rate simulator, and its admin endpoint, exist only in local mode without a rate provider
 * ({@code mizani.fx.rates.base-url}). Production mode can never create them, and refuses to start without a provider.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnLocalMode
@ConditionalOnExpression("'${mizani.fx.rates.base-url:}'.isBlank()")
public @interface ConditionalOnSimulatedRates {
}
