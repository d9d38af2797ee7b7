package com.mizani.app.mode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.env.MockEnvironment;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ModeCheckTest {

    static final String SECRET = "a-callback-secret-of-32-bytes-ok";

    /** Production mode with every setting it needs. */
    static Map<String, String> productionSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("mizani.mode", "production");
        settings.put("spring.datasource.url", "jdbc:postgresql://db:5432/mizani");
        settings.put("spring.mongodb.uri", "mongodb://mongo:27017/mizani");
        settings.put("mizani.provider.base-url", "https://api.safaricom.co.ke");
        settings.put("mizani.provider.callbacks.secret", SECRET);
        settings.put("mizani.security.issuer-uri", "https://issuer.example");
        settings.put("mizani.fx.rates.base-url", "https://rates.example");
        return settings;
    }

    static MockEnvironment production() {
        return environment(productionSettings());
    }

    static MockEnvironment environment(Map<String, String> settings) {
        MockEnvironment environment = new MockEnvironment();
        settings.forEach(environment::setProperty);
        return environment;
    }

    @Test
    void productionRefusesAuthenticationSwitchedOff() {
        Map<String, String> settings = productionSettings();
        settings.put("mizani.security.enabled", "false");
        assertThat(ModeCheck.refusal(environment(settings))).hasValue("Mizani refuses to start in production mode: "
                + "mizani.security.enabled=false is refused (authentication is never off in production)");
        settings.remove("spring.mongodb.uri");
        assertThat(ModeCheck.refusal(environment(settings))).hasValueSatisfying(line -> assertThat(line)
                .contains("missing spring.mongodb.uri (SPRING_MONGODB_URI); mizani.security.enabled=false is refused"));
        settings.put("mizani.mode", "local");
        assertThat(ModeCheck.refusal(environment(settings))).as("local mode may measure without it").isEmpty();
    }

    @Test
    void productionWithEverySettingStarts() {
        assertThat(ModeCheck.refusal(production())).isEmpty();
    }

    @Test
    void productionIsReadIgnoringCase() {
        assertThat(ModeCheck.refusal(production().withProperty("mizani.mode", "PRODUCTION"))).isEmpty();
        assertThat(ModeCheck.refusal(production().withProperty("mizani.mode", "local").withProperty("spring.datasource.url", "")))
                .isEmpty();
    }

    @Test
    void localModeNeedsNothing() {
        assertThat(ModeCheck.refusal(new MockEnvironment())).isEmpty();
        assertThat(ModeCheck.refusal(new MockEnvironment().withProperty("mizani.mode", "local"))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "spring.datasource.url, SPRING_DATASOURCE_URL",
            "spring.mongodb.uri, SPRING_MONGODB_URI",
            "mizani.provider.base-url, MPESA_BASE_URL",
            "mizani.provider.callbacks.secret, MPESA_CALLBACK_SECRET",
            "mizani.security.issuer-uri, MIZANI_ISSUER_URI",
            "mizani.fx.rates.base-url, MIZANI_FX_RATES_BASE_URL"})
    void productionRefusesEachMissingSetting(String property, String variable) {
        Map<String, String> settings = productionSettings();
        settings.remove(property);

        assertThat(ModeCheck.refusal(environment(settings))).contains(
                "Mizani refuses to start in production mode: missing %s (%s)".formatted(property, variable));
    }

    @ParameterizedTest
    @CsvSource({
            "spring.datasource.url, SPRING_DATASOURCE_URL",
            "spring.mongodb.uri, SPRING_MONGODB_URI",
            "mizani.provider.base-url, MPESA_BASE_URL",
            "mizani.provider.callbacks.secret, MPESA_CALLBACK_SECRET",
            "mizani.security.issuer-uri, MIZANI_ISSUER_URI",
            "mizani.fx.rates.base-url, MIZANI_FX_RATES_BASE_URL"})
    void aBlankSettingIsMissing(String property, String variable) {
        assertThat(ModeCheck.refusal(production().withProperty(property, "  "))).contains(
                "Mizani refuses to start in production mode: missing %s (%s)".formatted(property, variable));
    }

    @Test
    void everyMissingSettingIsNamedInOneLine() {
        assertThat(ModeCheck.refusal(new MockEnvironment().withProperty("mizani.mode", "production"))).contains(
                "Mizani refuses to start in production mode: missing spring.datasource.url (SPRING_DATASOURCE_URL), "
                        + "spring.mongodb.uri (SPRING_MONGODB_URI), mizani.provider.base-url (MPESA_BASE_URL), "
                        + "mizani.provider.callbacks.secret (MPESA_CALLBACK_SECRET), "
                        + "mizani.security.issuer-uri (MIZANI_ISSUER_URI), "
                        + "mizani.fx.rates.base-url (MIZANI_FX_RATES_BASE_URL)");
    }

    @Test
    void theDevelopmentSecretCountsAsMissing() {
        assertThat(ModeCheck.refusal(production().withProperty("mizani.provider.callbacks.secret", "change-me-callback-secret")))
                .contains("Mizani refuses to start in production mode: missing mizani.provider.callbacks.secret "
                        + "(MPESA_CALLBACK_SECRET: the development default is published)");
    }

    @Test
    void aSecretShorterThan32BytesCountsAsMissing() {
        String thirtyOneBytes = SECRET.substring(1);
        assertThat(ModeCheck.refusal(production().withProperty("mizani.provider.callbacks.secret", thirtyOneBytes)))
                .contains("Mizani refuses to start in production mode: missing mizani.provider.callbacks.secret "
                        + "(MPESA_CALLBACK_SECRET: shorter than 32 bytes)");
        // Bytes, not characters: 16 two-byte characters are 32 bytes.
        assertThat(ModeCheck.refusal(production().withProperty("mizani.provider.callbacks.secret", "é".repeat(16))))
                .isEmpty();
    }

    @Test
    void anUnknownModeIsRefused() {
        assertThat(ModeCheck.refusal(production().withProperty("mizani.mode", "prod"))).contains(
                "Mizani refuses to start: mizani.mode (MIZANI_MODE) is \"prod\"; it must be local or production");
        assertThat(ModeCheck.refusal(new MockEnvironment().withProperty("mizani.mode", ""))).contains(
                "Mizani refuses to start: mizani.mode (MIZANI_MODE) is \"\"; it must be local or production");
    }

    @Test
    void anUnknownModeIsShownOnOneLine() {
        assertThat(ModeCheck.refusal(new MockEnvironment().withProperty("mizani.mode", "local\nproduction"))).contains(
                "Mizani refuses to start: mizani.mode (MIZANI_MODE) is \"local\\u000aproduction\"; it must be local or production");
    }
}
