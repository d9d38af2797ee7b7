package com.mizani.app.mode;

import com.mizani.provider.mpesa.callback.CallbackSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/**
 * Callbacks signed with the published development secret authenticate nothing; in local mode that is allowed, and
 * said. (Production mode refuses to start with it: {@link ModeCheck}.)
 */
@Configuration(proxyBeanMethods = false)
public class DevelopmentCallbackSecretConfiguration {

    @Bean
    @ConditionalOnLocalMode
    @ConditionalOnProperty(name = "mizani.provider.callbacks.secret", havingValue = CallbackSettings.DEVELOPMENT_SECRET,
            matchIfMissing = true)
    public LocalPart developmentCallbackSecretPart() {
        return new LocalPart("callback-secret", "development callback secret, published in application.yml",
                Map.of("value", CallbackSettings.DEVELOPMENT_SECRET));
    }
}
