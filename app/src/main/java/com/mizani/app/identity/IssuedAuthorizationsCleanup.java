package com.mizani.app.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The authorization server stores every token it issues ({@code oauth2_authorization}), which would grow without end:
 * rows whose tokens and codes have all expired are deleted, an hour after the last of them.
 */
final class IssuedAuthorizationsCleanup {

    private static final Logger log = LoggerFactory.getLogger(IssuedAuthorizationsCleanup.class);

    private final JdbcClient jdbc;

    IssuedAuthorizationsCleanup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelayString = "${mizani.security.cleanup-interval-ms:600000}", initialDelay = 60_000)
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
