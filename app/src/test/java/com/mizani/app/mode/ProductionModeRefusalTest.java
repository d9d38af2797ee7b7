package com.mizani.app.mode;

import com.mizani.MizaniApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real main class in a JVM of its own, configured as a deployment is (environment variables), with one setting
 * missing at a time: it must exit with 78 and print nothing but the one line that names what is missing. The
 * refusal comes before any server or context starts, so each run takes about as long as a JVM needs to start.
 */
class ProductionModeRefusalTest {

    private static final String PREFIX = "Mizani refuses to start in production mode: missing ";

    @TempDir
    Path workingDirectory;

    /** Every setting production mode needs; nothing listens at these addresses, and nothing must try. */
    private static Map<String, String> production() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("MIZANI_MODE", "production");
        environment.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:1/mizani");
        environment.put("SPRING_MONGODB_URI", "mongodb://127.0.0.1:1/mizani");
        environment.put("MPESA_BASE_URL", "http://127.0.0.1:1");
        environment.put("MPESA_CALLBACK_SECRET", "a-callback-secret-of-32-bytes-ok");
        environment.put("MIZANI_ISSUER_URI", "http://issuer.invalid");
        environment.put("MIZANI_FX_RATES_BASE_URL", "http://rates.invalid");
        return environment;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SPRING_DATASOURCE_URL | spring.datasource.url (SPRING_DATASOURCE_URL)",
            "SPRING_MONGODB_URI    | spring.mongodb.uri (SPRING_MONGODB_URI)",
            "MPESA_BASE_URL        | mizani.provider.base-url (MPESA_BASE_URL)",
            // Without it, application.yml's development default applies, and that is refused.
            "MPESA_CALLBACK_SECRET | mizani.provider.callbacks.secret (MPESA_CALLBACK_SECRET: the development default is published)",
            "MIZANI_ISSUER_URI     | mizani.security.issuer-uri (MIZANI_ISSUER_URI)",
            "MIZANI_FX_RATES_BASE_URL | mizani.fx.rates.base-url (MIZANI_FX_RATES_BASE_URL)"})
    void eachMissingSettingIsRefusedWithOneLine(String variable, String named) throws Exception {
        Map<String, String> environment = production();
        environment.remove(variable);

        Run run = start(environment);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(StartRefusedException.EXIT_CODE);
        assertThat(run.output()).isEqualTo(PREFIX + named + System.lineSeparator());
    }

    @Test
    void everyMissingSettingIsNamedInTheOneLine() throws Exception {
        Run run = start(Map.of("MIZANI_MODE", "production"));

        assertThat(run.exitCode()).as(run.output()).isEqualTo(StartRefusedException.EXIT_CODE);
        assertThat(run.output()).isEqualTo(PREFIX + "spring.datasource.url (SPRING_DATASOURCE_URL), "
                + "spring.mongodb.uri (SPRING_MONGODB_URI), mizani.provider.base-url (MPESA_BASE_URL), "
                + "mizani.provider.callbacks.secret (MPESA_CALLBACK_SECRET: the development default is published), "
                + "mizani.security.issuer-uri (MIZANI_ISSUER_URI), "
                + "mizani.fx.rates.base-url (MIZANI_FX_RATES_BASE_URL)" + System.lineSeparator());
    }

    @Test
    void anUnknownModeOnTheCommandLineIsRefusedWithOneLine() throws Exception {
        Run run = start(production(), "--mizani.mode=staging");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(StartRefusedException.EXIT_CODE);
        assertThat(run.output()).isEqualTo("Mizani refuses to start: mizani.mode (MIZANI_MODE) is \"staging\"; "
                + "it must be local or production" + System.lineSeparator());
    }

    @Test
    void aBlankSettingIsRefusedLikeAMissingOne() throws Exception {
        Map<String, String> environment = production();
        environment.put("SPRING_MONGODB_URI", "");

        Run run = start(environment);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(StartRefusedException.EXIT_CODE);
        assertThat(run.output()).isEqualTo(PREFIX + "spring.mongodb.uri (SPRING_MONGODB_URI)" + System.lineSeparator());
    }

    private record Run(int exitCode, String output) {
    }

    /**
     * Runs {@code MizaniApplication} on this test's class path with exactly the given Mizani settings: whatever the
     * build's own environment sets for Spring, Mizani or M-Pesa is left out, so that only the test decides.
     */
    private Run start(Map<String, String> settings, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                MizaniApplication.class.getName()));
        command.addAll(List.of(arguments));
        Path output = workingDirectory.resolve("output.txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name ->
                name.startsWith("SPRING_") || name.startsWith("MIZANI_") || name.startsWith("MPESA_"));
        builder.environment().putAll(settings);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("still running after 60 s, so it did not refuse to start:\n"
                    + Files.readString(output, StandardCharsets.UTF_8));
        }
        return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }
}
