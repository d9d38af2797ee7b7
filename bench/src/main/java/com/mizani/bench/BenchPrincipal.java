package com.mizani.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Who the harness is to the app: one client of the app's embedded token issuer, created for the run.
 * <p>
 * On its first start against a database the app creates the bootstrap admin {@value #ADMIN_CLIENT}, with the secret
 * in {@code MIZANI_BOOTSTRAP_ADMIN_SECRET}, and never again. The harness makes that secret up (random) for each new
 * database and keeps it in the data directory, next to the database ({@value #SECRET_FILE}): every restart of the app
 * (chaos, {@code --compare-auth}) and every later run over a {@code --reuse-data} directory then meets the admin
 * it created with the secret it knows. With the admin's token the harness creates its own client, {@code bench-…},
 * with {@link #roles} and nothing more; a reused directory collects one such client per run.
 */
final class BenchPrincipal {

    static final String ADMIN_CLIENT = "mizani-admin";
    static final String SECRET_FILE = "bootstrap-admin-secret";
    static final String TOKEN_PATH = "/oauth2/token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private BenchPrincipal() {
    }

    /**
     * The roles of the harness's client in a scenario, for what the harness calls (the app's {@code AccessPolicy}
     * decides):
     * <ul>
     *   <li>{@code service}: the load itself: opening wallets, transfers, payouts, and the reads of wallets,
     *       entries, balances and payments;</li>
     *   <li>{@code teller}: the CASH deposits that fund the wallets, which only a teller may make;</li>
     *   <li>{@code operator}: the audit's {@code GET /ledger/verify} and {@code POST /ops/reconciliation/run} (the
     *       run is an operator's alone), the replay scenario's {@code GET /audit/wallets/{id}/replay}, and the heap
     *       sampler's {@code /actuator/metrics}. {@code auditor} would add nothing: operator may read all of that;</li>
     *   <li>{@code admin}: only in the replay scenario, which rebuilds projections through
     *       {@code /admin/projections}.</li>
     * </ul>
     * The rate limit of a principal follows its most generous role: {@code service}'s, which the others never lower.
     */
    static List<String> roles(String scenario) {
        List<String> roles = new ArrayList<>(List.of("service", "teller", "operator"));
        if (scenario.equals("replay")) {
            roles.add("admin");
        }
        return List.copyOf(roles);
    }

    /**
     * The bootstrap admin's secret for the database in {@code dataDir}: the one kept there, or a new one when the
     * database has no admin yet (new, or older than authentication). A database whose admin was created with a secret
     * the harness never kept is refused: the harness cannot sign in to it.
     */
    static String adminSecret(Path dataDir, Postgres postgres) throws Exception {
        Path file = dataDir.resolve(SECRET_FILE);
        if (Files.isRegularFile(file)) {
            return Files.readString(file).strip();
        }
        if (hasAdmin(postgres)) {
            throw new IllegalStateException(("the database in %s already has the client %s, whose secret is not in %s; "
                    + "use an empty directory, or put that secret there").formatted(dataDir, ADMIN_CLIENT, file));
        }
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Files.createDirectories(dataDir);
        Files.writeString(Files.createFile(file, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------"))), secret + "\n");
        return secret;
    }

    private static boolean hasAdmin(Postgres postgres) throws Exception {
        try (Connection db = postgres.connect()) {
            return Audit.single(db, "SELECT COUNT(*) FROM pg_tables WHERE tablename = 'security_client'") > 0
                    && Audit.single(db, "SELECT COUNT(*) FROM security_client WHERE client_id = '" + ADMIN_CLIENT + "'") > 0;
        }
    }

    static BearerTokens.Credentials admin(String baseUrl, String adminSecret) {
        return new BearerTokens.Credentials(URI.create(baseUrl + TOKEN_PATH), ADMIN_CLIENT, adminSecret);
    }

    /** Creates the harness's client with {@code roles}, signed in as the bootstrap admin; its secret is shown once. */
    static BearerTokens.Credentials register(String baseUrl, String adminSecret, List<String> roles)
            throws IOException, InterruptedException {
        return register(baseUrl, adminSecret, "bench", roles);
    }

    /**
     * Creates a client named {@code name} with {@code roles}: the harness's own, or one of the people it plays after
     * a chaos run (an {@code operator} and an {@code approver}, two principals, since no principal may decide its own
     * proposal).
     */
    static BearerTokens.Credentials register(String baseUrl, String adminSecret, String name, List<String> roles)
            throws IOException, InterruptedException {
        String adminToken = BearerTokens.once(admin(baseUrl, adminSecret));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/admin/clients"))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("name", name, "roles", roles))))
                .timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IOException("creating the client " + name + " answered " + created.statusCode() + ": " + created.body());
        }
        JsonNode client = JSON.readTree(created.body());
        return new BearerTokens.Credentials(URI.create(baseUrl + TOKEN_PATH), client.path("clientId").asText(),
                client.path("clientSecret").asText());
    }
}
