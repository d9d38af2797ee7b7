package com.mizani.app.audit;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.TimeUnit;

/** A MongoDB that is down fails the audit processor's batch fast (see {@link AuditMongoProperties}). */
@Configuration(proxyBeanMethods = false)
public class AuditMongoConfiguration {

    @Bean
    public MongoClientSettingsBuilderCustomizer failFastWhenMongoIsDown(AuditMongoProperties timeouts) {
        return settings -> settings
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                        timeouts.serverSelectionTimeoutMs(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket
                        .connectTimeout(timeouts.connectTimeoutMs(), TimeUnit.MILLISECONDS)
                        .readTimeout(timeouts.readTimeoutMs(), TimeUnit.MILLISECONDS));
    }
}
