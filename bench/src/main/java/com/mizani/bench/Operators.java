package com.mizani.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * After a chaos run has drained, the people who decide incidents: an {@code operator} and an {@code approver}, two
 * clients the harness creates for the run (as the README's walkthrough does), so that no principal decides its own
 * proposal. First it waits until the provider has stopped contradicting itself: past the longest delay of the
 * simulator's deferred work after the last payout request, and until no contradiction has arrived for
 * {@link #QUIET}; then it runs reconciliation, which asks the provider again about any final payout nothing accounts
 * for (a late message that met the app while it was down), and waits again. Then, for every OPEN incident, the approver approves the pending correction (the system's). A
 * wallet that refuses it (422: its funds went since the proposal) makes the approver reject it and the operator
 * propose {@code BOOK_RECEIVABLE} (the customer owes it), which the approver approves; {@code NONE} only if that is
 * refused too. Everything is counted for the report; anything unexpected is a violation of the run.
 */
final class Operators {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final Duration QUIET = Duration.ofSeconds(5);
    private static final Duration MARGIN = Duration.ofSeconds(5);
    private static final Duration QUIET_LIMIT = Duration.ofSeconds(180);
    private static final Duration RESOLVED_VISIBLE_LIMIT = Duration.ofSeconds(60);
    static final String CONTRADICTIONS_SQL = "SELECT COUNT(*) FROM domain_event_entry "
            + "WHERE payload_type = 'com.mizani.kernel.payment.PaymentContradictedEvent'";
    private static final String VIEW_CONTRADICTIONS_SQL =
            "SELECT COALESCE(SUM(contradiction_count), 0) FROM incident_view";

    record Result(Map<String, Object> figures, List<String> failures) {
    }

    private final Client approver;
    private final Client operator;
    private final List<String> failures = new ArrayList<>();
    private final Map<String, Long> incidentsByKind = new TreeMap<>();
    private final Map<String, Long> approvedByAction = new TreeMap<>();
    private final Map<String, Long> proposedByOperator = new TreeMap<>();
    private final Map<String, Long> refusals = new TreeMap<>();
    private long rejections;

    private Operators(Client approver, Client operator) {
        this.approver = approver;
        this.operator = operator;
    }

    /** @param lastRequestAt when the last payout could have reached the provider: the end of the drain */
    static Result run(String baseUrl, String adminSecret, Postgres postgres, Instant lastRequestAt) throws Exception {
        BearerTokens.Credentials approverCredentials =
                BenchPrincipal.register(baseUrl, adminSecret, "bench-approver", List.of("approver"));
        BearerTokens.Credentials operatorCredentials =
                BenchPrincipal.register(baseUrl, adminSecret, "bench-operator", List.of("operator"));
        try (BearerTokens approverTokens = BearerTokens.fetch(approverCredentials);
             BearerTokens operatorTokens = BearerTokens.fetch(operatorCredentials)) {
            Operators operators = new Operators(Client.authenticated(baseUrl, approverTokens),
                    Client.authenticated(baseUrl, operatorTokens));
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("approver", approverCredentials.clientId());
            figures.put("operator", operatorCredentials.clientId());
            Instant waitFrom = Instant.now();
            long contradictions = operators.awaitQuiet(postgres, lastRequestAt.plusMillis(Provider.longestDelayMs())
                    .plus(MARGIN));
            figures.put("waited for the provider to stop contradicting itself (s)",
                    Duration.between(waitFrom, Instant.now()).toMillis() / 1000.0);
            // A late message that met the app while it was down never arrived; reconciliation asks the provider again
            // about every final payout nothing accounts for, and the answers become incidents like any other.
            figures.put("reconciliation before the operators", operators.reconcile());
            contradictions = operators.awaitQuiet(postgres, Instant.now().plus(MARGIN));
            figures.put("contradictions when the operators started", contradictions);
            operators.resolveAll();
            figures.put("incidents handled, by kind", operators.incidentsByKind);
            figures.put("corrections approved, by action", operators.approvedByAction);
            figures.put("approvals refused by the wallet (422), by code", operators.refusals);
            figures.put("proposals rejected by the approver", operators.rejections);
            figures.put("corrections proposed by the operator, by action", operators.proposedByOperator);
            BenchMain.log("operators: %s incidents, approved %s, refused %s", operators.incidentsByKind,
                    operators.approvedByAction, operators.refusals);
            return new Result(figures, List.copyOf(operators.failures));
        }
    }

    /**
     * Until {@code notBefore}, and then until the contradictions in the event store have not changed for {@link #QUIET}
     * and the incident view holds every one of them. Returns how many there are.
     */
    private long awaitQuiet(Postgres postgres, Instant notBefore) throws Exception {
        long sleep = Duration.between(Instant.now(), notBefore).toMillis();
        if (sleep > 0) {
            BenchMain.log("operators: waiting %.0f s for the provider's deferred work to end", sleep / 1000.0);
            Thread.sleep(sleep);
        }
        Instant limit = Instant.now().plus(QUIET_LIMIT);
        long last = -1;
        Instant stableSince = Instant.now();
        try (Connection db = postgres.connect()) {
            while (true) {
                long stored = Audit.single(db, CONTRADICTIONS_SQL);
                long viewed = Audit.single(db, VIEW_CONTRADICTIONS_SQL);
                Instant now = Instant.now();
                if (stored != last) {
                    last = stored;
                    stableSince = now;
                } else if (viewed == stored && !now.isBefore(stableSince.plus(QUIET))) {
                    return stored;
                }
                if (now.isAfter(limit)) {
                    failures.add(("contradictions did not settle within %d s (%d in the event store, %d in the "
                            + "incident view)").formatted(QUIET_LIMIT.toSeconds(), stored, viewed));
                    return stored;
                }
                Thread.sleep(500);
            }
        }
    }

    /** Runs reconciliation as the operator; its outcome and detail (how many payouts it asked about again). */
    private String reconcile() throws Exception {
        Client.Answer answer = operator.post("/api/v1/ops/reconciliation/run", "{}", null);
        if (answer.status() != 200) {
            failures.add("reconciliation run answered " + answer.status() + ": " + answer.body());
            return "HTTP " + answer.status();
        }
        return answer.json().path("outcome").asText() + ": " + answer.json().path("detail").asText();
    }

    /** Rounds of: every OPEN incident decided, then until the view shows them RESOLVED. */
    private void resolveAll() throws Exception {
        List<String> decided = new ArrayList<>();
        for (int round = 1; round <= 3; round++) {
            List<JsonNode> open = openIncidents();
            open.removeIf(incident -> decided.contains(incident.path("incidentId").asText()));
            if (open.isEmpty()) {
                return;
            }
            for (JsonNode incident : open) {
                if (resolve(incident)) {
                    decided.add(incident.path("incidentId").asText());
                }
            }
            awaitResolvedInView(decided);
        }
    }

    private List<JsonNode> openIncidents() throws Exception {
        List<JsonNode> open = new ArrayList<>();
        String cursor = null;
        do {
            String path = "/api/v1/ops/incidents?status=OPEN&limit=500" + cursor(cursor);
            Client.Answer page = send(() -> approver.get(path));
            if (page.status() != 200) {
                failures.add("listing OPEN incidents answered " + page.status() + ": " + page.body());
                return open;
            }
            JsonNode body = page.json();
            body.path("items").forEach(open::add);
            cursor = body.path("nextCursor").isNull() ? null : body.path("nextCursor").asText(null);
        } while (cursor != null);
        return open;
    }

    private static String cursor(String cursor) {
        return cursor == null ? "" : "&cursor=" + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Decides one incident; true once it is RESOLVED by an approval. */
    private boolean resolve(JsonNode incident) throws Exception {
        String incidentId = incident.path("incidentId").asText();
        String paymentId = incident.path("paymentId").asText();
        incidentsByKind.merge(incident.path("kind").asText(), 1L, Long::sum);
        JsonNode pending = incident.path("pendingCorrection");
        String proposalId = pending.isObject() ? pending.path("proposalId").asText(null) : null;
        if (proposalId == null) {
            // Nothing pending (a proposal rejected before, or the view a moment behind): the operator proposes.
            proposalId = propose(paymentId, incidentId, fittingAction(incident), "pending proposal missing");
            if (proposalId == null) {
                return false;
            }
        }
        for (String fallback : new String[]{"BOOK_RECEIVABLE", "NONE", null}) {
            Client.Answer approval = decide(paymentId, "approve", proposalId, "checked against the provider's record");
            if (approval.status() == 200) {
                JsonNode resolution = approval.json().path("resolution");
                approvedByAction.merge(resolution.path("correction").path("action").asText("?"), 1L, Long::sum);
                return true;
            }
            if (approval.status() != 422 || fallback == null) {
                failures.add("approving the correction of incident %s (payment %s) answered %d: %s"
                        .formatted(incidentId, paymentId, approval.status(), approval.body()));
                return false;
            }
            String code = approval.json().path("code").asText("?");
            refusals.merge(code, 1L, Long::sum);
            Client.Answer rejection = decide(paymentId, "reject", proposalId, "the wallet refused it: " + code);
            if (rejection.status() != 200) {
                failures.add("rejecting the refused correction of incident %s (payment %s) answered %d: %s"
                        .formatted(incidentId, paymentId, rejection.status(), rejection.body()));
                return false;
            }
            rejections++;
            proposalId = propose(paymentId, incidentId, fallback, "the wallet refused the correction (" + code + ")");
            if (proposalId == null) {
                return false;
            }
        }
        return false;
    }

    /** What settles the incident's difference when nothing is pending: the customer owes it, or is owed it. */
    private static String fittingAction(JsonNode incident) {
        return new BigDecimal(incident.path("difference").asText("0")).signum() > 0 ? "BOOK_RECEIVABLE" : "CREDIT_WALLET";
    }

    /** The operator's proposal; its id, or null (counted as a failure) if it was refused. */
    private String propose(String paymentId, String incidentId, String action, String why) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("action", action).put("incidentId", incidentId)
                .put("reason", "bench operator: " + why);
        Client.Answer proposal = send(() -> operator.post("/api/v1/ops/payments/" + paymentId + "/incident/correction",
                body.toString(), null));
        if (proposal.status() != 202) {
            failures.add("proposing %s for incident %s (payment %s) answered %d: %s"
                    .formatted(action, incidentId, paymentId, proposal.status(), proposal.body()));
            return null;
        }
        proposedByOperator.merge(action, 1L, Long::sum);
        return proposal.json().path("pendingCorrection").path("proposalId").asText(null);
    }

    private Client.Answer decide(String paymentId, String decision, String proposalId, String reason) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("proposalId", proposalId).put("reason", "bench approver: " + reason);
        return send(() -> approver.post("/api/v1/ops/payments/" + paymentId + "/incident/correction/" + decision,
                body.toString(), null));
    }

    private void awaitResolvedInView(List<String> incidentIds) throws Exception {
        Instant limit = Instant.now().plus(RESOLVED_VISIBLE_LIMIT);
        for (String incidentId : incidentIds) {
            while (true) {
                Client.Answer answer = send(() -> approver.get("/api/v1/ops/incidents/" + incidentId));
                if (answer.status() == 200 && answer.json().path("status").asText().equals("RESOLVED")) {
                    break;
                }
                if (Instant.now().isAfter(limit)) {
                    failures.add("incident %s was not RESOLVED in the view %d s after its approval (last answer %d)"
                            .formatted(incidentId, RESOLVED_VISIBLE_LIMIT.toSeconds(), answer.status()));
                    return;
                }
                Thread.sleep(250);
            }
        }
    }

    private interface Call {
        Client.Answer send() throws IOException, InterruptedException;
    }

    /** Waits out the approver's and operator's rate limits (429) and a moment without an answer. */
    private static Client.Answer send(Call call) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                Client.Answer answer = call.send();
                if (answer.status() != 429 || attempt == 20) {
                    return answer;
                }
            } catch (IOException noAnswer) {
                if (attempt == 20) {
                    throw noAnswer;
                }
            }
            Thread.sleep(1_000);
        }
    }
}
