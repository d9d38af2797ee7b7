package com.mizani.app.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.mizani.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiTest extends IntegrationTest {

    @Test
    void openApiDocumentDescribesEveryEndpoint() {
        JsonNode paths = api.get("/v3/api-docs").json().path("paths");

        assertThat(paths.has("/api/v1/wallets")).isTrue();
        assertThat(paths.has("/api/v1/wallets/{walletId}")).isTrue();
        assertThat(paths.has("/api/v1/wallets/{walletId}/entries")).isTrue();
        assertThat(paths.has("/api/v1/wallets/{walletId}/balance")).isTrue();
        assertThat(paths.has("/api/v1/wallets/{walletId}/statement")).isTrue();
        assertThat(paths.has("/api/v1/wallets/{walletId}/freeze")).isTrue();
        assertThat(paths.has("/api/v1/wallets/{walletId}/unfreeze")).isTrue();
        assertThat(paths.has("/api/v1/wallets/{walletId}/close")).isTrue();
        assertThat(paths.has("/api/v1/deposits")).isTrue();
        assertThat(paths.has("/api/v1/transfers")).isTrue();
        assertThat(paths.has("/api/v1/transfers/{transferId}")).isTrue();
        assertThat(paths.has("/api/v1/transactions/{transactionId}")).isTrue();
        assertThat(paths.has("/api/v1/ledger/verify")).isTrue();
        assertThat(paths.has("/api/v1/ops/invariants")).isTrue();
        assertThat(paths.has("/api/v1/ops/stats")).isTrue();
        assertThat(paths.has("/api/v1/ops/activity")).isTrue();
        assertThat(paths.has("/api/v1/ops/payments/{paymentId}/resolve")).isTrue();
        assertThat(paths.has("/api/v1/ops/payments/{paymentId}/resolution/approve")).isTrue();
        assertThat(paths.has("/api/v1/ops/payments/{paymentId}/resolution/reject")).isTrue();
        assertThat(paths.has("/api/v1/ops/adjustments")).isTrue();
        assertThat(paths.has("/api/v1/ops/adjustments/{adjustmentId}")).isTrue();
        assertThat(paths.has("/api/v1/ops/adjustments/{adjustmentId}/approve")).isTrue();
        assertThat(paths.has("/api/v1/ops/adjustments/{adjustmentId}/reject")).isTrue();
        assertThat(paths.has("/api/v1/audit/adjustments/{adjustmentId}")).isTrue();
    }

    /** The document is what clients (and the generated hostile-input test) build requests from: it must not lie. */
    @Test
    void openApiDocumentListsOnlyWhatClientsSend() {
        JsonNode paths = api.get("/v3/api-docs").json().path("paths");

        assertThat(paths.has("/error")).as("the servlet error page is no operation").isFalse();
        paths.forEach(operations -> operations.forEach(operation -> operation.path("parameters").forEach(parameter ->
                assertThat(parameter.path("name").asText()).as("the Caller comes from the request's identity, not a parameter")
                        .isNotEqualTo("caller"))));
    }

    @Test
    void swaggerUiIsServed() {
        var page = api.get("/swagger-ui/index.html");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Swagger UI");
    }
}
