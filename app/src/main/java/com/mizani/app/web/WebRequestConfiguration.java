package com.mizani.app.web;

import com.mizani.axon.catchup.ProjectionCatchUp;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Duration;

/** Registers the checks a request passes before its handler runs. */
@Configuration(proxyBeanMethods = false)
class WebRequestConfiguration implements WebMvcConfigurer {

    private final ProjectionCatchUp catchUp;
    private final Duration readWait;

    WebRequestConfiguration(ProjectionCatchUp catchUp, ReadSettings settings) {
        this.catchUp = catchUp;
        this.readWait = Duration.ofMillis(settings.readWaitMs());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AcceptBeforeActingInterceptor());
        registry.addInterceptor(new ReadYourWritesInterceptor(catchUp, readWait));
    }
}
