package com.mizani.app.reconciliation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mizani.app.embedded.EmbeddedSimulatorConfiguration.EmbeddedSimulator;
import com.mizani.provider.mpesa.outbound.ProviderProperties;
import com.mizani.providersim.LedgerTotals;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

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
        HttpRequest request = HttpRequest.newBuilder(URI.create(properties.baseUrl()).resolve("/simulator/ledger?limit=1"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("the provider's statement answered HTTP " + response.statusCode());
        }
        JsonNode body = JSON.readTree(response.body());
        JsonNode paid = body.findValue("paidTotalMinor");
        JsonNode received = body.findValue("receivedTotalMinor");
        if (paid == null || received == null) {
            throw new IOException("the provider's statement has no totals");
        }
        return new Totals(paid.asLong(), received.asLong());
    }
}
