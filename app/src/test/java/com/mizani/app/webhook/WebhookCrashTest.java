package com.mizani.app.webhook;

import com.mizani.app.support.Api;
import com.mizani.app.support.ApplicationProcess;
import com.mizani.app.support.IntegrationTest;
import com.mizani.app.support.WebhookReceiver;
import com.mizani.app.support.WebhookReceiver.Answer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application is killed with SIGKILL while it is sending webhooks to a slow receiver. After it starts again on
 * the same store, every event reaches the receiver: some twice (at least once), none never. The receiver, as a real
 * one would, counts each webhook-id once.
 */
class WebhookCrashTest {

    private static final int WALLETS = 40;

    @Test
    void afterAKillMidDeliveryEveryEventIsDeliveredAtLeastOnce() throws IOException {
        Path dataDir = IntegrationTest.temporaryDataDir();
        Path log = dataDir.resolve("app.log");
        int port = freePort();
        String[] settings = {"mizani.data-dir=" + dataDir, "mizani.webhooks.max-in-flight-per-endpoint=2",
                "mizani.webhooks.retry-schedule=200ms,400ms,800ms,1600ms,3200ms,5s,5s,5s",
                "mizani.webhooks.connect-timeout-ms=1000", "mizani.webhooks.read-timeout-ms=2000",
                "mizani.webhooks.poll-ms=100"};
        try (WebhookReceiver receiver = WebhookReceiver.start()
                .answering(number -> Answer.after(Duration.ofMillis(100), 200))) {
            List<String> wallets = new ArrayList<>();
            int receivedAtTheKill;
            try (ApplicationProcess first = ApplicationProcess.start(port, log, settings)) {
                Api api = new Api(port);
                Api owner = api.asClient("crash-hooks", List.of("service"), null);
                WebhookTestSupport.register(owner, receiver.url(), "wallet.opened", "wallet.credited");
                for (int i = 0; i < WALLETS; i++) {
                    String wallet = api.openWallet("KES");
                    assertThat(api.deposit(wallet, "10.00", "KES").status()).isEqualTo(201);
                    wallets.add(wallet);
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> receiver.distinctIds().size() >= 10);
                first.kill();
                receivedAtTheKill = receiver.distinctIds().size();
            }
            assertThat(receivedAtTheKill).as("killed mid-delivery").isLessThan(2 * WALLETS);

            try (ApplicationProcess second = ApplicationProcess.start(port, log, settings)) {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                        .until(() -> missing(receiver, wallets).isEmpty());
            }
            assertThat(receiver.distinctIds()).hasSizeGreaterThanOrEqualTo(2 * WALLETS);
        }
    }

    /** The wallets whose opening or credit the receiver has not heard of. */
    private static Set<String> missing(WebhookReceiver receiver, List<String> wallets) {
        Set<String> heard = new HashSet<>();
        receiver.received().forEach(request -> heard.add(request.type() + " "
                + request.json().path("data").path("walletId").asText()));
        Set<String> missing = new HashSet<>();
        for (String wallet : wallets) {
            for (String type : List.of("wallet.opened", "wallet.credited")) {
                if (!heard.contains(type + " " + wallet)) {
                    missing.add(type + " " + wallet);
                }
            }
        }
        return missing;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
