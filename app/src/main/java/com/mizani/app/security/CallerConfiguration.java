package com.mizani.app.security;

import com.mizani.kernel.identity.Caller;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/** Registers the resolver that hands controllers their {@link Caller}. */
@Configuration(proxyBeanMethods = false)
class CallerConfiguration implements WebMvcConfigurer {

    static {
        // The Caller comes from the resolver below, never from a request parameter: the OpenAPI document must not ask
        // clients for it.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    private final SecurityProperties settings;

    CallerConfiguration(SecurityProperties settings) {
        this.settings = settings;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver(settings.enabled()));
    }
}
