package com.mizani.app.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.mizani.app.support.Api;
import com.mizani.app.support.PaymentTestSupport;
import com.mizani.providersim.Faults;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The payment queues and failed payouts of the operations statistics, with payouts the simulator's faults upset. */
class OpsQueuesTest extends PaymentTestSupport {

    @Test
    void anUnansweredPayoutWaitsInTheAmbiguousThenTheReviewQueueAndEndsAmongFailedPayouts() {
        faults(Faults.NONE.withServerErrorRate(1.0));
        String wallet = fundedKesWallet("1000.00");
        String paymentId = withdraw(wallet, "100").text("paymentId");

        JsonNode ambiguous = await().atMost(Duration.ofSeconds(30)).until(
                () -> queued(stats().path("queues").path("ambiguous"), paymentId), item -> item != null);
        assertThat(ambiguous.path("walletId").asText()).isEqualTo(wallet);
        assertThat(ambiguous.path("amount").asText()).isEqualTo("100.00");
        assertThat(ambiguous.path("fee").asText()).isEqualTo("15.00");
        assertThat(ambiguous.path("method").asText()).isEqualTo("MPESA_B2C");
        assertThat(ambiguous.path("ageSeconds").asLong()).isNotNegative();

        awaitStatus(paymentId, "MANUAL_REVIEW");
        JsonNode review = stats().path("queues").path("manualReview");
        assertThat(queued(review, paymentId)).as(review.toString()).isNotNull();
        assertThat(review.path("count").asLong()).isPositive();
        Instant oldest = Instant.parse(review.path("oldestRequestedAt").asText());
        assertThat(review.path("oldestAgeSeconds").asLong())
                .isBetween(Duration.between(oldest, Instant.now()).toSeconds() - 5, Duration.between(oldest, Instant.now()).toSeconds());
        assertThat(queued(stats().path("queues").path("ambiguous"), paymentId)).isNull();

        faults(Faults.NONE);
        Api.Response resolved = resolveUnderFourEyes(paymentId,
                "{\"outcome\":\"NOT_PAID\",\"reason\":\"no such payout on the provider's statement\"}");
        assertThat(resolved.status()).isEqualTo(200);
        awaitStatus(paymentId, "FAILED");

        JsonNode failed = stats().path("failedPayouts");
        JsonNode listed = queued(failed, paymentId);
        assertThat(listed).as(failed.toString()).isNotNull();
        assertThat(listed.path("failureCode").asText()).isNotBlank();
        assertThat(failed.path("count").asLong()).isPositive();
        assertThat(queued(stats().path("queues").path("manualReview"), paymentId)).isNull();
    }

    @Test
    void aPayoutTheProviderRefusedIsAFailedPayoutWithItsCode() {
        faults(Faults.NONE.withFailureRate(1.0, 2001));
        String wallet = fundedKesWallet("1000.00");
        String paymentId = withdraw(wallet, "100").text("paymentId");
        awaitStatus(paymentId, "FAILED");

        JsonNode listed = queued(stats().path("failedPayouts"), paymentId);

        assertThat(listed).isNotNull();
        assertThat(listed.path("failureCode").asText()).isEqualTo("2001");
        assertThat(listed.path("failureReason").asText()).isNotBlank();
        assertThat(listed.path("status").asText()).isEqualTo("FAILED");
    }

    private JsonNode stats() {
        return api.get("/api/v1/ops/stats?items=100").json();
    }

    private static JsonNode queued(JsonNode queue, String paymentId) {
        return StreamSupport.stream(queue.path("items").spliterator(), false)
                .filter(item -> paymentId.equals(item.path("paymentId").asText()))
                .findFirst().orElse(null);
    }
}
