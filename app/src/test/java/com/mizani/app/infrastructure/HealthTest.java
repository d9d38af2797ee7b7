package com.mizani.app.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.mizani.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HealthTest extends IntegrationTest {

    @Test
    void embeddedDatabaseAndMongoWireServerReportHealthy() {
        JsonNode health = api.get("/actuator/health").json();

        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("mongo").path("status").asText()).isEqualTo("UP");
    }
}
