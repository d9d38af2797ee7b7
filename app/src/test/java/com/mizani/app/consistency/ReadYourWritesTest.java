package com.mizani.app.consistency;

import com.mizani.app.support.Api.Response;
import com.mizani.app.support.IntegrationTest;
import com.mizani.query.ledger.LedgerProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plain GET sent after a write's 2xx shows that write: no retry, no pause, no waiting in the client. Without the
 * wait for the projections, the first GET after opening a wallet answers 404 (the view follows a moment later).
 */
class ReadYourWritesTest extends IntegrationTest {

    private static final int ROUNDS = 20;

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void everyGetAfterAnAnsweredWriteShowsIt() {
        String source = api.openWallet("KES");
        assertThat(api.get("/api/v1/wallets/" + source).status()).isEqualTo(200);
        BigDecimal sourceBalance = BigDecimal.ZERO;
        for (int round = 0; round < ROUNDS; round++) {
            String destination = api.openWallet("KES");
            Response opened = api.get("/api/v1/wallets/" + destination);
            assertThat(opened.status()).as("GET after opening, round %d", round).isEqualTo(200);
            assertThat(opened.text("available")).isEqualTo("0.00");

            Response deposit = api.deposit(source, "10.00", "KES");
            assertThat(deposit.status()).isEqualTo(201);
            sourceBalance = sourceBalance.add(new BigDecimal("10.00"));
            assertThat(api.available(source)).as("balance after deposit, round %d", round)
                    .isEqualTo(sourceBalance.toPlainString());
            Response payment = api.get(deposit.location());
            assertThat(payment.status()).as("GET of the deposit's payment, round %d", round).isEqualTo(200);
            assertThat(payment.text("status")).isEqualTo(deposit.text("status"));

            Response transfer = api.transfer(UUID.randomUUID().toString(), source, destination, "2.50", "KES");
            assertThat(transfer.status()).isEqualTo(201);
            sourceBalance = sourceBalance.subtract(new BigDecimal("2.50"));
            Response transferView = api.get(transfer.location());
            assertThat(transferView.status()).as("GET of the transfer, round %d", round).isEqualTo(200);
            assertThat(transferView.text("status")).isEqualTo("COMPLETED");
            assertThat(api.available(source)).as("source after transfer, round %d", round)
                    .isEqualTo(sourceBalance.toPlainString());
            assertThat(api.available(destination)).as("destination after transfer, round %d", round)
                    .isEqualTo("2.50");
        }
    }

    @Test
    void aStalledProjectionAnswers503NotAStaleView() {
        String wallet = api.openWallet("KES");
        assertThat(api.available(wallet)).isEqualTo("0.00");
        EventProcessor ledger = processing.eventProcessor(LedgerProjection.PROCESSING_GROUP).orElseThrow();
        ledger.shutDown();
        try {
            assertThat(api.deposit(wallet, "7.00", "KES").status()).isEqualTo(201);

            Response behind = api.get("/api/v1/wallets/" + wallet);

            assertThat(behind.status()).isEqualTo(503);
            assertThat(behind.isProblem()).isTrue();
            assertThat(behind.code()).isEqualTo("READ_MODEL_BEHIND");
        } finally {
            ledger.start();
        }
        assertThat(api.available(wallet)).isEqualTo("7.00");
    }
}
