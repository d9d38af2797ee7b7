package com.mizani.app.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.mizani.app.support.Api;
import com.mizani.app.support.IntegrationTest;
import com.mizani.kernel.audit.AuditMetadata;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.ContradictionKind;
import com.mizani.kernel.payment.Correction;
import com.mizani.kernel.payment.CorrectionAction;
import com.mizani.kernel.payment.Evidence;
import com.mizani.kernel.payment.IncidentCorrectionProposedEvent;
import com.mizani.kernel.payment.PaymentContradictedEvent;
import com.mizani.kernel.payment.PaymentHistoryLine;
import com.mizani.kernel.payment.PaymentStatus;
import com.mizani.kernel.payment.ProviderResult;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The incident views over HTTP, on the real application: a settled payout's stream takes the events the Payment
 * aggregate records when a provider's message contradicts it (appended here to the event store as the aggregate
 * would, after the payout's own), and the incident list, the incident, the payment's timeline and the metrics show
 * them.
 */
class IncidentViewsTest extends IntegrationTest {

    private static final String INCIDENTS = "/api/v1/ops/incidents";

    @Autowired
    EventStore eventStore;

    /** A settled payout of 20 KES that the provider then says it never paid, and the system's proposal for it. */
    private Contradicted contradictedPayout() {
        String wallet = api.openWallet("KES");
        assertThat(api.deposit(wallet, "100.00", "KES").status()).isEqualTo(201);
        UUID payment = UUID.fromString(api.settledPayout(wallet, "20"));
        UUID incident = UUID.randomUUID();
        UUID proposal = UUID.randomUUID();
        long next = eventStore.lastSequenceNumberFor(payment.toString()).orElseThrow() + 1;
        eventStore.publish(
                event(payment, next, new PaymentContradictedEvent(payment, incident,
                        ContradictionKind.NOT_PAID_AFTER_SETTLED, new ProviderResult(Evidence.STATUS_QUERY,
                        ProviderResult.Outcome.NOT_PAID, "2001", "The initiator information is invalid", null, null,
                        null, null), PaymentStatus.SETTLED, 2_000, 0, List.of(new PaymentHistoryLine(
                        Instant.parse("2026-03-01T07:00:00Z"), "PaymentSettled", "settled")))),
                event(payment, next + 1, new IncidentCorrectionProposedEvent(payment, incident, proposal,
                        new Correction(CorrectionAction.CREDIT_WALLET, UUID.fromString(wallet),
                                Money.of(2_000, CurrencyCode.KES)), "the provider did not pay it", "system")));
        return new Contradicted(wallet, payment, incident, proposal);
    }

    private record Contradicted(String wallet, UUID payment, UUID incident, UUID proposal) {
    }

    private static GenericDomainEventMessage<?> event(UUID payment, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Payment", payment.toString(), sequence, payload,
                MetaData.with(AuditMetadata.ACTOR, AuditMetadata.SYSTEM));
    }

    private JsonNode awaitIncident(UUID incident) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> {
            Api.Response response = api.get(INCIDENTS + "/" + incident);
            return response.status() == 200 && !response.json().path("pendingCorrection").isNull()
                    ? response.json() : null;
        }, found -> found != null);
    }

    private static void assertRefused(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.isProblem()).as(response.body()).isTrue();
        assertThat(response.code()).isEqualTo(code);
    }

    @Test
    void anIncidentShowsItsEvidenceHistoryAndPendingCorrectionWithAmountsInMajorUnits() {
        Contradicted contradicted = contradictedPayout();

        JsonNode incident = awaitIncident(contradicted.incident());

        assertThat(incident.path("paymentId").asText()).isEqualTo(contradicted.payment().toString());
        assertThat(incident.path("walletId").asText()).isEqualTo(contradicted.wallet());
        assertThat(incident.path("currency").asText()).isEqualTo("KES");
        assertThat(incident.path("kind").asText()).isEqualTo("NOT_PAID_AFTER_SETTLED");
        assertThat(incident.path("status").asText()).isEqualTo("OPEN");
        assertThat(incident.path("paymentStatus").asText()).isEqualTo("SETTLED");
        assertThat(incident.path("booked").asText()).isEqualTo("20.00");
        assertThat(incident.path("claimed").asText()).isEqualTo("0.00");
        assertThat(incident.path("difference").asText()).isEqualTo("-20.00");
        assertThat(incident.path("contradictions").asInt()).isEqualTo(1);
        assertThat(incident.path("evidence").path("outcome").asText()).isEqualTo("NOT_PAID");
        assertThat(incident.path("evidence").path("resultCode").asText()).isEqualTo("2001");
        assertThat(incident.path("pendingCorrection").path("proposalId").asText())
                .isEqualTo(contradicted.proposal().toString());
        assertThat(incident.path("pendingCorrection").path("action").asText()).isEqualTo("CREDIT_WALLET");
        assertThat(incident.path("pendingCorrection").path("amount").asText()).isEqualTo("20.00");
        assertThat(incident.path("pendingCorrection").path("proposedBy").asText()).isEqualTo("system");
        assertThat(incident.path("resolution").isNull()).isTrue();
        assertThat(incident.path("history").findValuesAsText("event")).containsExactly("PaymentSettled");

        // The payment view is another processing group: it catches up on its own time.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode payment = api.get("/api/v1/payments/" + contradicted.payment()).json();
            assertThat(payment.path("status").asText()).isEqualTo("SETTLED");
            assertThat(payment.path("timeline").findValuesAsText("event"))
                    .endsWith("PaymentContradicted", "IncidentCorrectionProposed");
        });

        assertRefused(api.get(INCIDENTS + "/" + UUID.randomUUID()), 404, "INCIDENT_NOT_FOUND");
    }

    @Test
    void theOpenListIsOldestFirstPageByPageAndRefusesBadParameters() {
        List<UUID> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(contradictedPayout().incident());
        }
        mine.forEach(this::awaitIncident);

        List<String> listed = new ArrayList<>();
        String cursor = null;
        do {
            Api.Response page = api.get(INCIDENTS + "?status=OPEN&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.json().path("items").size()).isLessThanOrEqualTo(2);
            page.json().path("items").forEach(item -> {
                assertThat(item.path("status").asText()).isEqualTo("OPEN");
                listed.add(item.path("incidentId").asText());
            });
            cursor = page.json().path("nextCursor").asText(null);
        } while (cursor != null);

        assertThat(listed).doesNotHaveDuplicates();
        assertThat(listed.stream().filter(id -> mine.contains(UUID.fromString(id))).toList())
                .containsExactlyElementsOf(mine.stream().map(UUID::toString).toList());
        assertThat(api.get(INCIDENTS + "?status=RESOLVED").json().path("items").findValuesAsText("incidentId"))
                .doesNotContainAnyElementsOf(listed);

        assertRefused(api.get(INCIDENTS + "?status=CLOSED"), 400, "VALIDATION_FAILED");
        assertRefused(api.get(INCIDENTS + "?limit=0"), 400, "VALIDATION_FAILED");
        assertRefused(api.get(INCIDENTS + "?limit=501"), 400, "VALIDATION_FAILED");
        assertRefused(api.get(INCIDENTS + "?cursor=forged"), 400, "INVALID_CURSOR");
    }

    @Test
    void prometheusScrapesTheContradictionsAndTheOpenIncidents() {
        awaitIncident(contradictedPayout().incident());

        var scrape = api.get("/actuator/prometheus");

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body()).contains("# TYPE mizani_payment_contradictions_total counter",
                "# TYPE mizani_incidents_open gauge");
        assertThat(sample(scrape.body(), "mizani_payment_contradictions_total")).isGreaterThanOrEqualTo(1);
        assertThat(sample(scrape.body(), "mizani_incidents_open")).isGreaterThanOrEqualTo(1);
    }

    private static double sample(String scrape, String name) {
        return scrape.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError(name + " not scraped"));
    }
}
