package com.mizani.app.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * No rewriting of resource links. With Thymeleaf and a webjar locator on the classpath, Spring Boot registers a
 * filter that rewrites links to versioned resources; the pages use none, and that filter decodes every request's
 * path with the request's charset, so that a malformed {@code Content-Type} charset turned a plain refusal (a 405
 * on the error page) into a server error.
 */
@Configuration(proxyBeanMethods = false)
public class ResourceUrlEncodingConfiguration {

    @Bean
    public FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> off = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        off.setEnabled(false);
        return off;
    }
}
