package com.mizani.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.mizani.app.support.Api;
import com.mizani.app.support.PaymentTestSupport;
import de.bwaldvogel.mongo.MongoServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.mizani.app.audit.AuditViews.assertEachEventOnceInOrder;
import static com.mizani.app.audit.AuditViews.awaitRecord;
import static com.mizani.app.audit.AuditViews.entries;
import static com.mizani.app.audit.AuditViews.types;
import static com.mizani.app.audit.AuditViews.walletTrail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * MongoDB going down stops only the audit views: transfers and payouts go on, and once MongoDB is back the audit
 * processor catches up from its token with every event exactly once. The test stops the shared embedded wire server
 * and always starts it again (same port, same data), since the other test classes share it.
 */
class AuditMongoOutageTest extends PaymentTestSupport {

    private static final List<String> TRANSFER_LIFECYCLE =
            List.of("TransferRequested", "WalletDebited", "WalletCredited", "TransferCompleted");

    @Autowired
    private MongoServer mongo;

    @Test
    void moneyKeepsMovingWhileMongoIsDownAndTheAuditCatchesUpWithEveryEventOnce() {
        String source = fundedKesWallet("1000.00");
        String destination = api.openWallet("KES");
        List<String> transfers = new ArrayList<>();
        transfers.add(transfer(source, destination, "10.00"));
        awaitRecord(api, "/api/v1/audit/transfers/" + transfers.getFirst(),
                record -> "COMPLETED".equals(record.path("status").asText()));

        InetSocketAddress address = mongo.getLocalAddress();
        mongo.shutdownNow();
        String paymentId;
        try {
            transfers.add(transfer(source, destination, "20.00"));
            transfers.add(transfer(source, destination, "30.00"));
            transfers.add(transfer(destination, source, "5.00"));
            paymentId = withdraw(source, "100").text("paymentId");
            awaitStatus(paymentId, "SETTLED");
            // The balances come from PostgreSQL and move as if nothing happened: 1000 - 60 + 5 - 100 - 15 fee.
            awaitBalance(source, "available", "830.00");
            awaitBalance(destination, "available", "55.00");
            Api.Response auditWhileDown = api.get("/api/v1/audit/transfers/" + transfers.getLast());
            assertThat(auditWhileDown.status()).isEqualTo(503);
            assertThat(auditWhileDown.isProblem()).isTrue();
        } finally {
            mongo.bind(address.getHostString(), address.getPort());
        }

        for (String transferId : transfers) {
            JsonNode record = awaitRecord(api, "/api/v1/audit/transfers/" + transferId,
                    view -> "COMPLETED".equals(view.path("status").asText()));
            assertThat(types(record)).as(transferId).containsExactlyElementsOf(TRANSFER_LIFECYCLE);
            assertEachEventOnceInOrder(entries(record));
        }
        JsonNode payout = awaitRecord(api, "/api/v1/audit/payments/" + paymentId,
                view -> "SETTLED".equals(view.path("status").asText()));
        assertEachEventOnceInOrder(entries(payout));
        assertThat(types(payout)).containsSubsequence("WithdrawalRequested", "FundsReserved", "WithdrawalReserved",
                "WalletDebited", "WalletDebited", "ReservationCaptured");
        assertThat(types(payout)).containsOnlyOnce("PaymentConfirmed", "ReservationCaptured");

        // Opened, deposit, three debits, one credit, reservation, two captured debits, capture: all there, once each.
        await().untilAsserted(() -> assertThat(walletTrail(api, source, 3)).hasSize(10));
        List<JsonNode> trail = walletTrail(api, source, 3);
        assertThat(trail).extracting(item -> item.path("walletSequence").asLong())
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertEachEventOnceInOrder(trail.stream().map(item -> item.path("event")).toList());
    }

    private String transfer(String source, String destination, String amount) {
        Api.Response transferred = api.transfer(UUID.randomUUID().toString(), source, destination, amount, "KES");
        assertThat(transferred.status()).as(transferred.body()).isEqualTo(201);
        return transferred.text("transferId");
    }
}
