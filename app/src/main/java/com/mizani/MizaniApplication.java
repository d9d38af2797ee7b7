package com.mizani;

import com.mizani.app.identity.IdentityCommand;
import com.mizani.app.mode.StartRefusedException;
import com.mizani.app.replay.ReplayCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Mizani: one Spring Boot application assembling the command side, the sagas, the query side and the Axon
 * infrastructure. It lives in the root package so that every module's components are found. Boot's own
 * authorization-server and user-store configurations are excluded: they would create an issuer (with a key that
 * changes at every start) and an in-memory user in any mode. Mizani's embedded issuer is created by
 * EmbeddedIssuerConfiguration, in local mode only.
 */
@SpringBootApplication(exclude = {OAuth2AuthorizationServerAutoConfiguration.class,
        OAuth2AuthorizationServerJwtAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@ConfigurationPropertiesScan
@EnableScheduling
public class MizaniApplication {

    public static void main(String[] args) {
        if (ReplayCommand.isInvokedBy(args)) {
            System.exit(ReplayCommand.run(args, System.out));
        }
        if (IdentityCommand.isInvokedBy(args)) {
            System.exit(IdentityCommand.run(args, System.out));
        }
        try {
            SpringApplication.run(MizaniApplication.class, args);
        } catch (StartRefusedException refused) {
            // The configuration is wrong, not the code: the operator gets the one line that says what to set.
            System.err.println(refused.getMessage());
            System.exit(StartRefusedException.EXIT_CODE);
        }
    }
}
