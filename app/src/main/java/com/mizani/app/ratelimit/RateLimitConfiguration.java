package com.mizani.app.ratelimit;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * The buckets live in the ledger's PostgreSQL, through a small pool of their own whose sessions commit without
 * waiting for the disk ({@code synchronous_commit = off}): a bucket that loses its last few milliseconds in a crash
 * only forgets a few requests, and a ledger commit never queues behind a rate-limit one. The pool is not a bean, so
 * that it can never be taken for the ledger's data source.
 */
@Configuration(proxyBeanMethods = false)
public class RateLimitConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "mizani.rate-limits.enabled", havingValue = "true", matchIfMissing = true)
    public RateLimiter rateLimiter(JdbcConnectionDetails database, RateLimitProperties settings) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("rate-limits");
        pool.setJdbcUrl(database.getJdbcUrl());
        pool.setUsername(database.getUsername());
        pool.setPassword(database.getPassword());
        pool.setMaximumPoolSize(4);
        pool.setConnectionTimeout(2_000);
        pool.setConnectionInitSql("SET synchronous_commit = off");
        return new RateLimiter(pool, Duration.ofMillis(settings.syncMs()));
    }

    @Bean
    public RateLimits rateLimits(RateLimitProperties settings, ObjectProvider<RateLimiter> limiter) {
        RateLimiter available = limiter.getIfAvailable();
        if (available == null) {
            return RateLimits.NONE;
        }
        RateLimitFilter filter = new RateLimitFilter(available, settings);
        return () -> filter;
    }
}
