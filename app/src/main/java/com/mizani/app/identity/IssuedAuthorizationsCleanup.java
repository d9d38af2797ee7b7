package com.mizani.app.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import java.time.Duration;

/**
 * The authorization server stores every token it issues ({@code oauth2_authorization}), which would grow without end:
 * rows whose tokens and codes have all expired are deleted, an hour after the last of them.
 */
final class IssuedAuthorizationsCleanup implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(IssuedAuthorizationsCleanup.class);

    private static final Duration FIRST_RUN_AFTER = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Duration interval;

    IssuedAuthorizationsCleanup(JdbcClient jdbc, Duration interval) {
        this.jdbc = jdbc;
        this.interval = interval;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::deleteExpired, interval, FIRST_RUN_AFTER));
    }

    void deleteExpired() {
        int deleted = jdbc.sql("""
                DELETE FROM oauth2_authorization
                WHERE GREATEST(access_token_expires_at, authorization_code_expires_at, refresh_token_expires_at,
                               oidc_id_token_expires_at) < now() - interval '1 hour'""").update();
        if (deleted > 0) {
            log.debug("deleted {} expired authorizations", deleted);
        }
    }
}
