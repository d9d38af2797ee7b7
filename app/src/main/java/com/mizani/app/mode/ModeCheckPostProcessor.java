package com.mizani.app.mode;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Runs {@link ModeCheck} as soon as the environment is complete: after every other post-processor has added its
 * property sources (application.yml, profiles, {@code SPRING_APPLICATION_JSON}), before logging is set up, the banner
 * printed or a single bean defined. A refused start therefore creates nothing and prints nothing of its own.
 * Registered in {@code META-INF/spring.factories}, so that it runs for every start of a {@code SpringApplication}:
 * {@code java -jar}, {@code spring-boot:run} and tests alike.
 */
public class ModeCheckPostProcessor implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        ModeCheck.refusal(environment).ifPresent(line -> {
            throw new StartRefusedException(line);
        });
        environment.getPropertySources().addLast(new MapPropertySource("mizaniModeDefaults", defaultsFor(
                Mode.of(environment).orElseThrow())));
    }

    /**
     * Defaults that depend on the mode, below every configured value. The public health answer tells in local mode
     * what is embedded or simulated (so that such a deployment never looks healthy without saying so); in
     * production it says up or down to anyone, and the details only to operations staff with a token. Local mode
     * lets webhooks go to receivers on the same machine (loopback); production sends them to public addresses only,
     * unless mizani.webhooks.allowed-networks says otherwise.
     */
    private static Map<String, Object> defaultsFor(Mode mode) {
        return mode == Mode.LOCAL
                ? Map.of("management.endpoint.health.show-details", "always",
                "mizani.webhooks.allowed-networks", "127.0.0.0/8,::1/128")
                : Map.of("management.endpoint.health.show-details", "when-authorized",
                "management.endpoint.health.roles", "operator,auditor,admin");
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
