package com.mizani.app.ledger;

import com.mizani.app.support.Api;
import com.mizani.app.support.IntegrationTest;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transfers sent at the same moment are carried out in groups, one transaction each, and every transfer keeps its
 * own answer: those the source cannot pay are refused without failing the rest, a key reused for another transfer is
 * refused as it would be alone, and the balances are exactly what the completed transfers say.
 */
class GroupCommitTest extends IntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void concurrentTransfersAreGroupedAndEachKeepsItsOwnOutcome() throws Exception {
        String rich = api.openWallet("KES");
        String poor = api.openWallet("KES");
        String sink = api.openWallet("KES");
        assertThat(api.deposit(rich, "100.00", "KES").status()).isEqualTo(201);
        assertThat(api.deposit(poor, "5.00", "KES").status()).isEqualTo(201);
        String reusedKey = UUID.randomUUID().toString();
        assertThat(api.transfer(reusedKey, rich, sink, "1.00", "KES").status()).isEqualTo(201);
        double groupsBefore = groups().totalAmount();

        List<Future<Api.Response>> fromRich = new ArrayList<>();
        List<Future<Api.Response>> fromPoor = new ArrayList<>();
        Future<Api.Response> reused;
        try (ExecutorService clients = Executors.newFixedThreadPool(48)) {
            for (int i = 0; i < 60; i++) {
                fromRich.add(clients.submit(() -> api.transfer(UUID.randomUUID().toString(), rich, sink, "1.00", "KES")));
                fromPoor.add(clients.submit(() -> api.transfer(UUID.randomUUID().toString(), poor, sink, "1.00", "KES")));
            }
            reused = clients.submit(() -> api.transfer(reusedKey, rich, sink, "2.00", "KES"));
        }

        for (Future<Api.Response> answer : fromRich) {
            assertThat(answer.get().status()).as(answer.get().body()).isEqualTo(201);
            assertThat(answer.get().text("status")).isEqualTo("COMPLETED");
        }
        long paidByPoor = 0;
        for (Future<Api.Response> answer : fromPoor) {
            Api.Response response = answer.get();
            if (response.status() == 201) {
                paidByPoor++;
            } else {
                assertThat(response.status()).as(response.body()).isEqualTo(422);
                assertThat(response.code()).isEqualTo("INSUFFICIENT_FUNDS");
            }
        }
        assertThat(paidByPoor).as("transfers the poor wallet could pay").isEqualTo(5);
        assertThat(reused.get().status()).isEqualTo(409);
        assertThat(reused.get().code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");

        assertThat(new BigDecimal(api.available(rich))).isEqualByComparingTo("39.00");
        assertThat(new BigDecimal(api.available(poor))).isEqualByComparingTo("0.00");
        assertThat(new BigDecimal(api.available(sink))).isEqualByComparingTo("66.00");
        assertThat(groups().max()).as("the largest group").isGreaterThan(1);
        assertThat(groups().totalAmount() - groupsBefore).as("transfers carried out through groups").isEqualTo(121);
    }

    private DistributionSummary groups() {
        return meters.get("mizani.transfers.group.size").summary();
    }
}
