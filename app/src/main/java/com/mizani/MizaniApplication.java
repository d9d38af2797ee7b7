package com.mizani;

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
        SpringApplication.run(MizaniApplication.class, args);
    }
}
