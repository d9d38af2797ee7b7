package com.mizani.app.webhook;

import com.mizani.app.support.Api;
import com.mizani.app.support.IntegrationTest;
import com.mizani.app.support.WebhookReceiver;
import com.mizani.app.support.WebhookReceiver.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An endpoint back from an outage: its deliveries wait an hour after their failed first attempt (this application's
 * schedule), yet once the endpoint answers a 2xx again (here a ping) they are all sent at once.
 */
class WebhookRecoveryTest {

    @Test
    void whenAFailingEndpointAnswersAgainItsWaitingDeliveriesAreSentAtOnce() {
        AtomicBoolean up = new AtomicBoolean(false);
        try (ConfigurableApplicationContext app = IntegrationTest.startApplication(
                "mizani.data-dir=" + IntegrationTest.temporaryDataDir(), "mizani.webhooks.retry-schedule=1h,1h",
                "mizani.webhooks.poll-ms=100");
             WebhookReceiver receiver = WebhookReceiver.start()
                     .answering(number -> up.get() ? Answer.status(200) : Answer.status(503))) {
            Api api = new Api(IntegrationTest.portOf(app));
            Api owner = api.asClient("recovering", List.of("service"), null);
            String id = WebhookTestSupport.register(owner, receiver.url(), "wallet.opened").path("endpointId").asText();
            List<String> wallets = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                wallets.add(api.openWallet("KES"));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 3);
            assertThat(owner.get("/api/v1/webhooks/endpoints/" + id).json().path("failingSince").isNull()).isFalse();

            up.set(true);
            assertThat(owner.post("/api/v1/webhooks/endpoints/" + id + "/ping", "").status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(10)).until(() -> wallets.stream()
                    .allMatch(wallet -> WebhookTestSupport.about(receiver, "walletId", wallet).size() == 2));
            assertThat(owner.get("/api/v1/webhooks/endpoints/" + id + "/deliveries?state=PENDING").json().path("items"))
                    .isEmpty();
        }
    }
}
