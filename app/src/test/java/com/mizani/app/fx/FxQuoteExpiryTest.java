package com.mizani.app.fx;

import com.mizani.app.support.Api;
import com.mizani.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A quote's time runs out: its persistent deadline records the expiry, its view says EXPIRED, and a transfer on it is
 * refused 410 with nothing moved. An app of its own, with quotes that live two seconds.
 */
class FxQuoteExpiryTest {

    @Test
    void anExpiredQuoteIsRecordedAsSuchAndATransferOnItIsGone() {
        try (ConfigurableApplicationContext app = IntegrationTest.startApplication(
                "mizani.data-dir=" + IntegrationTest.temporaryDataDir(),
                "mizani.fx.quotes.ttl=2s",
                "mizani.axon.deadline-polling-ms=200")) {
            Api api = new Api(IntegrationTest.portOf(app));
            String source = api.openWallet("KES");
            assertThat(api.deposit(source, "500.00", "KES").status()).isEqualTo(201);
            String destination = api.openWallet("USD");
            Api.Response quote = api.post("/api/v1/fx/quotes", """
                    {"fromCurrency":"KES","toCurrency":"USD","fromAmount":"100.00"}""",
                    "Idempotency-Key", UUID.randomUUID().toString());
            assertThat(quote.status()).as(quote.body()).isEqualTo(201);
            String quoteId = quote.text("quoteId");
            assertThat(quote.json().path("secondsRemaining").asLong()).isBetween(0L, 2L);

            // The deadline ran: the stored view says EXPIRED, not only the answer computed from the clock.
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            // (The view may not hold the quote at all yet: the projection follows the command.)
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                    "SELECT status FROM fx_quote_view WHERE quote_id = ?::uuid", String.class, quoteId)
                    .equals(java.util.List.of("EXPIRED")));
            Api.Response read = api.get("/api/v1/fx/quotes/" + quoteId);
            assertThat(read.text("status")).isEqualTo("EXPIRED");
            assertThat(read.json().path("secondsRemaining").asLong()).isZero();

            Api.Response transfer = api.post("/api/v1/transfers", """
                    {"sourceWalletId":"%s","destinationWalletId":"%s","amount":"100.00","currency":"KES","fxQuoteId":"%s"}"""
                    .formatted(source, destination, quoteId), "Idempotency-Key", UUID.randomUUID().toString());
            assertThat(transfer.status()).as(transfer.body()).isEqualTo(410);
            assertThat(transfer.code()).isEqualTo("QUOTE_EXPIRED");
            assertThat(transfer.isProblem()).isTrue();
            assertThat(api.available(source)).isEqualTo("500.00");
            assertThat(api.wallet(source).path("held").asText()).isEqualTo("0.00");
            assertThat(api.available(destination)).isEqualTo("0.00");
        }
    }
}
