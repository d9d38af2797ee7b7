package com.mizani.app.identity;

import com.mizani.app.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.EnumSet;

/**
 * On the first start in local mode, creates the client {@value #CLIENT_ID} with the admin role, so that someone can
 * create the other clients and users. Its secret is {@code MIZANI_BOOTSTRAP_ADMIN_SECRET} if that is set, or else is
 * generated and written to the log this one time (it is stored only as a hash). Later starts leave it alone.
 */
final class BootstrapAdmin implements ApplicationRunner {

    static final String CLIENT_ID = "mizani-admin";
    static final int MIN_SECRET = 16;
    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final ClientRegistry clients;
    private final SigningKeys keys;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final String configuredSecret;
    private final String issuer;

    BootstrapAdmin(ClientRegistry clients, SigningKeys keys, JdbcClient jdbc, TransactionTemplate transactions,
                   String configuredSecret, String issuer) {
        this.clients = clients;
        this.keys = keys;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.configuredSecret = configuredSecret == null || configuredSecret.isBlank() ? null : configuredSecret;
        this.issuer = issuer;
        if (this.configuredSecret != null && this.configuredSecret.length() < MIN_SECRET) {
            throw new IllegalStateException("MIZANI_BOOTSTRAP_ADMIN_SECRET must be at least " + MIN_SECRET + " characters");
        }
    }

    @Override
    public void run(ApplicationArguments arguments) {
        keys.ensureOne();
        String secret = configuredSecret != null ? configuredSecret : ClientRegistry.newSecret();
        boolean created = Boolean.TRUE.equals(transactions.execute(status -> {
            // Two nodes starting together must not both create it.
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('bootstrap-admin'))").query().listOfRows();
            if (clients.find(CLIENT_ID).isPresent()) {
                return false;
            }
            clients.createWithId(CLIENT_ID, "Mizani bootstrap admin",
                    new RoleAssignment(EnumSet.of(Role.ADMIN), null), secret, "system:bootstrap");
            return true;
        }));
        if (!created) {
            return;
        }
        if (configuredSecret != null) {
            log.warn("Created the bootstrap admin client {} with the secret from MIZANI_BOOTSTRAP_ADMIN_SECRET.", CLIENT_ID);
        } else {
            log.warn("""
                    Created the bootstrap admin client {}. Its secret, shown this once (only its hash is stored):
                        {}
                    Get a token with: curl -s -u {}:<secret> -d grant_type=client_credentials {}/oauth2/token""",
                    CLIENT_ID, secret, CLIENT_ID, issuer);
        }
    }
}
