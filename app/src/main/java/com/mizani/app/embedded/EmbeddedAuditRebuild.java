package com.mizani.app.embedded;

import com.mizani.app.mode.ConditionalOnLocalMode;
import com.mizani.query.audit.AuditProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * The embedded MongoDB-wire server keeps its data in memory, so it starts empty while the audit processor's token,
 * in PostgreSQL, remembers where the previous run stopped. Forgetting that token before the processors start makes
 * the audit views rebuild from the first event. With a real MongoDB ({@code spring.mongodb.uri}) the views persist
 * and the token is kept; production mode, which has one, never forgets it. Only once this node is known to be alone on
 * its database ({@code AuditStoreGuard}): another node's audit views would be rebuilt too.
 */
@Component
@DependsOn("auditStoreGuard")
@DependsOnDatabaseInitialization
@ConditionalOnLocalMode
@ConditionalOnExpression("'${spring.mongodb.uri:}'.isEmpty()")
class EmbeddedAuditRebuild implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedAuditRebuild.class);

    private final JdbcTemplate jdbc;

    EmbeddedAuditRebuild(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void afterPropertiesSet() {
        int forgotten = jdbc.update("DELETE FROM token_entry WHERE processor_name = ?", AuditProjection.PROCESSING_GROUP);
        if (forgotten > 0) {
            log.info("Embedded MongoDB starts empty: the audit views are rebuilt from the first event");
        }
    }
}
