package com.mizani.app.reconciliation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mizani.app.embedded.EmbeddedSimulatorConfiguration.EmbeddedSimulator;
import com.mizani.provider.mpesa.outbound.ProviderProperties;
import com.mizani.providersim.LedgerTotals;
import com.mizani.providersim.PayoutLine;
import com.mizani.providersim.ReceivedLine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The provider's own account of what it paid and received for us. For the simulator that is its ledger (in-process
 * when embedded, over HTTP otherwise); a real provider's equivalent is its account statement, which would plug in
 * here.
 */
@Component
public class ProviderStatement {

    /** Totals in KES cents. */
    public record Totals(long paidMinor, long receivedMinor) {
        public long netPaidMinor() {
            return paidMinor - receivedMinor;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The simulator's largest page of its ledger. */
    private static final int PAGE = 10_000;
    private static final String PAID = "PAID";
    private static final String RECEIVED = "RECEIVED";

    /** The simulator this app started, or null when the provider is configured. */
    private final EmbeddedSimulator embedded;
    private final ProviderProperties properties;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public ProviderStatement(ObjectProvider<EmbeddedSimulator> embedded, ProviderProperties properties) {
        this.embedded = embedded.getIfAvailable();
        this.properties = properties;
    }

    public Totals totals() throws IOException, InterruptedException {
        if (embedded != null) {
            LedgerTotals totals = embedded.simulator().ledgerTotals();
            return new Totals(totals.paidTotalMinor(), totals.receivedTotalMinor());
        }
        JsonNode body = ledgerPage("limit=1");
        JsonNode paid = body.findValue("paidTotalMinor");
        JsonNode received = body.findValue("receivedTotalMinor");
        if (paid == null || received == null) {
            throw new IOException("the provider's statement has no totals");
        }
        return new Totals(paid.asLong(), received.asLong());
    }

    /**
     * What the provider paid out, in KES cents, by OriginatorConversationID (our payment id), for every payout it
     * holds as paid now: failed and reversed ones moved nothing. Reads the whole statement page by page, so it is
     * for when the totals differ, not for every run.
     */
    public Map<String, Long> paidByPayment() throws IOException, InterruptedException {
        Map<String, Long> paid = new HashMap<>();
        if (embedded != null) {
            List<PayoutLine> page;
            long after = 0;
            do {
                page = embedded.simulator().payouts(after, PAGE);
                page.stream().filter(line -> line.amountPaidMinor() != 0)
                        .forEach(line -> paid.merge(line.originatorConversationId(), line.amountPaidMinor(), Long::sum));
                after = page.isEmpty() ? after : page.getLast().sequence();
            } while (page.size() == PAGE);
            return paid;
        }
        JsonNode next = JSON.getNodeFactory().numberNode(0L);
        while (!next.isNull()) {
            JsonNode body = ledgerPage("direction=PAID&limit=" + PAGE + "&after=" + next.asLong());
            for (JsonNode record : body.path("records")) {
                if (PAID.equals(record.path("status").asText()) && record.path("amountMinor").asLong() != 0) {
                    paid.merge(record.path("originatorConversationId").asText(), record.path("amountMinor").asLong(),
                            Long::sum);
                }
            }
            next = body.path("nextAfter");
            if (next.isMissingNode()) {
                throw new IOException("the provider's statement cannot be read page by page (no nextAfter)");
            }
        }
        return paid;
    }

    /**
     * What the provider received, in KES cents, by the reference our books know each payment by (the CheckoutRequestID
     * of a push, the TransID of a pay-bill payment), for every one it holds as received. Read like
     * {@link #paidByPayment()}, for when the totals differ.
     */
    public Map<String, Long> receivedByReference() throws IOException, InterruptedException {
        Map<String, Long> received = new HashMap<>();
        if (embedded != null) {
            List<ReceivedLine> page;
            long after = 0;
            do {
                page = embedded.simulator().received(after, PAGE);
                page.stream().filter(line -> line.amountReceivedMinor() != 0)
                        .forEach(line -> received.merge(line.reference(), line.amountReceivedMinor(), Long::sum));
                after = page.isEmpty() ? after : page.getLast().sequence();
            } while (page.size() == PAGE);
            return received;
        }
        JsonNode next = JSON.getNodeFactory().numberNode(0L);
        while (!next.isNull()) {
            JsonNode body = ledgerPage("direction=RECEIVED&limit=" + PAGE + "&after=" + next.asLong());
            for (JsonNode record : body.path("records")) {
                String reference = record.hasNonNull("checkoutRequestId") ? record.path("checkoutRequestId").asText()
                        : record.path("transId").asText();
                if (RECEIVED.equals(record.path("status").asText()) && record.path("amountMinor").asLong() != 0) {
                    received.merge(reference, record.path("amountMinor").asLong(), Long::sum);
                }
            }
            next = body.path("nextAfter");
            if (next.isMissingNode()) {
                throw new IOException("the provider's statement cannot be read page by page (no nextAfter)");
            }
        }
        return received;
    }

    private JsonNode ledgerPage(String query) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(properties.baseUrl()).resolve("/simulator/ledger?" + query))
                .timeout(Duration.ofSeconds(10)).GET().build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("the provider's statement answered HTTP " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }
}
