package com.mizani.app.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.mizani.app.support.Api;
import com.mizani.app.support.Callbacks;
import com.mizani.app.support.PaymentTestSupport;
import com.mizani.providersim.Faults;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Concurrent duplicates of one provider confirmation race to create the same payment: exactly one credits the wallet,
 * the losers roll back, and the wallet's later movements still start from its stored state (a loser's credit must
 * never survive in a cached wallet). Each payment is real at the simulator (its own callback is lost), so the
 * books still reconcile afterwards.
 */
class ConcurrentDuplicatesTest extends PaymentTestSupport {

    @Test
    void racingDuplicateConfirmationsCreditOnceAndTheWalletStaysTrue() throws Exception {
        String wallet = api.openWallet("KES");
        faults(Faults.NONE.withLostCallbackRate(1.0));
        for (int round = 0; round < 5; round++) {
            String transId = payBillWithoutConfirmation(wallet);
            String body = """
                    {"TransactionType":"Pay Bill","TransID":"%s","TransTime":"20261121101010","TransAmount":"1.00",
                    "BusinessShortCode":"600996","BillRefNumber":"%s","InvoiceNumber":"","OrgAccountBalance":"0.00",
                    "ThirdPartyTransID":"","MSISDN":"2547 ***** 126","FirstName":"Test"}""".formatted(transId, wallet);
            String signature = Callbacks.sign(body, Callbacks.SECRET);
            List<Future<Api.Response>> answers = new ArrayList<>();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 12; i++) {
                    answers.add(pool.submit(() -> Callbacks.post(api, "/c2b/confirmation", body, signature)));
                }
            }
            for (Future<Api.Response> answer : answers) {
                assertThat(answer.get().status()).as(answer.get().body()).isEqualTo(200);
            }
            // A cash deposit after the race: it must build on the stored balance, not on a loser's phantom credit.
            assertThat(api.deposit(wallet, "1.00", "KES").status()).isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode view = api.wallet(wallet);
            assertThat(view.path("available").asText()).isEqualTo("10.00");
            JsonNode verify = api.get("/api/v1/ledger/verify").json();
            assertThat(verify.path("balanced").asBoolean()).as(verify.toString()).isTrue();
            assertThat(verify.path("walletsNotMatchingEntries").asLong()).as(verify.toString()).isZero();
        });
    }

    /** A customer pays 1 shilling through the simulator, which loses the confirmation; returns its TransID. */
    private String payBillWithoutConfirmation(String wallet) throws Exception {
        payBill(wallet, 1);
        JsonNode record = newestReceivedAtProvider();
        assertThat(record.path("billRefNumber").asText()).isEqualTo(wallet);
        return record.path("transId").asText();
    }
}
