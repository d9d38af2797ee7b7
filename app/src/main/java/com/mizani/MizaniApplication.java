package com.mizani;

import com.mizani.app.mode.StartRefusedException;
import com.mizani.app.replay.ReplayCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Mizani: one Spring Boot application assembling the command side, the sagas, the query side and the Axon
 * infrastructure. It lives in the root package so that every module's components are found.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class MizaniApplication {

    public static void main(String[] args) {
        if (ReplayCommand.isInvokedBy(args)) {
            System.exit(ReplayCommand.run(args, System.out));
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
