package com.mizani.app.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.mizani.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class HealthTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void embeddedPostgresIsDurable() {
        assertThat(jdbc.sql("SHOW fsync").query(String.class).single()).isEqualTo("on");
        assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
    }

    @Test
    void embeddedDatabaseAndMongoWireServerReportHealthy() {
        JsonNode health = api.get("/actuator/health").json();

        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("mongo").path("status").asText()).isEqualTo("UP");
    }
}
