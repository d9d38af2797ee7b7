package com.mizani.app.security;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/** Registers the resolver that hands controllers their {@link com.mizani.command.support.Caller}. */
@Configuration(proxyBeanMethods = false)
class CallerConfiguration implements WebMvcConfigurer {

    private final SecurityProperties settings;

    CallerConfiguration(SecurityProperties settings) {
        this.settings = settings;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver(settings.enabled()));
    }
}
