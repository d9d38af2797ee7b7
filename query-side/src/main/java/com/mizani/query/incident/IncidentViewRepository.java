package com.mizani.query.incident;

import com.mizani.kernel.payment.ContradictionKind;
import com.mizani.kernel.payment.Correction;
import com.mizani.kernel.payment.CorrectionAction;
import com.mizani.kernel.payment.Evidence;
import com.mizani.kernel.payment.IncidentCorrectionProposedEvent;
import com.mizani.kernel.payment.IncidentCorrectionRejectedEvent;
import com.mizani.kernel.payment.IncidentResolvedEvent;
import com.mizani.kernel.payment.IncidentState;
import com.mizani.kernel.payment.PaymentContradictedEvent;
import com.mizani.kernel.payment.PaymentHistoryLine;
import com.mizani.kernel.payment.PaymentStatus;
import com.mizani.kernel.payment.ProviderResult;
import com.mizani.query.support.Amounts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.mizani.query.support.SqlTimes.utc;

/**
 * The {@code incident_view} table: the only code that reads or writes it. The history of each incident is in its own
 * table ({@link IncidentHistoryRepository}); the reads here join it in.
 */
@Component
public class IncidentViewRepository {

    private final JdbcTemplate jdbc;
    private final JdbcClient client;
    private final IncidentHistoryRepository history;

    public IncidentViewRepository(JdbcTemplate jdbc, JdbcClient client, IncidentHistoryRepository history) {
        this.jdbc = jdbc;
        this.client = client;
        this.history = history;
    }

    /**
     * A contradiction, at the global position of its event. The first of an incident opens it; a later one under the
     * same incident is counted and becomes its latest evidence.
     */
    record Contradicted(UUID incidentId, UUID paymentId, ContradictionKind kind, PaymentStatus paymentStatus,
                        long bookedMinor, long claimedMinor, ProviderResult evidence, Instant at, long position,
                        long version) {

        static Contradicted of(PaymentContradictedEvent event, long sequence, Instant at, long position) {
            return new Contradicted(event.incidentId(), event.paymentId(), event.kind(), event.status(),
                    event.bookedMinor(), event.claimedMinor(), event.evidence(), at, position, sequence);
        }

        Contradicted at(long ownPosition) {
            return new Contradicted(incidentId, paymentId, kind, paymentStatus, bookedMinor, claimedMinor, evidence,
                    at, ownPosition, version);
        }
    }

    record Proposed(UUID incidentId, UUID proposalId, Correction correction, String reason, String proposedBy,
                    Instant at, long version) {

        static Proposed of(IncidentCorrectionProposedEvent event, long sequence, Instant at) {
            return new Proposed(event.incidentId(), event.proposalId(), event.correction(), event.reason(),
                    event.proposedBy(), at, sequence);
        }
    }

    record Rejected(UUID incidentId, long version) {

        static Rejected of(IncidentCorrectionRejectedEvent event, long sequence) {
            return new Rejected(event.incidentId(), sequence);
        }
    }

    record Resolved(UUID incidentId, UUID proposalId, Correction correction, String proposedBy, String approvedBy,
                    String note, Instant at, long version) {

        static Resolved of(IncidentResolvedEvent event, long sequence, Instant at) {
            return new Resolved(event.incidentId(), event.proposalId(), event.correction(), event.proposedBy(),
                    event.approvedBy(), event.note(), at, sequence);
        }
    }

    /** An incident and its place in the list, the key of the next page's cursor. */
    record Listed(IncidentView incident, long position) {
    }

    /**
     * Opens each new incident and counts each later contradiction of an open one, in one statement: a row only takes
     * a contradiction newer than the last it took, so a redelivered one changes nothing.
     */
    void contradict(List<Contradicted> contradictions) {
        if (contradictions.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO incident_view (incident_id, payment_id, kind, status, payment_status, booked_minor,
                                           claimed_minor, difference_minor, opened_at, evidence, evidence_outcome,
                                           evidence_result_code, evidence_description, evidence_receipt,
                                           evidence_amount_minor, contradiction_count, latest_at, latest_evidence,
                                           latest_outcome, latest_result_code, latest_description, latest_receipt,
                                           latest_amount_minor, list_position, version, contradiction_version)
                VALUES (?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (incident_id) DO UPDATE SET
                    contradiction_count = incident_view.contradiction_count + 1,
                    latest_at = EXCLUDED.latest_at, latest_evidence = EXCLUDED.latest_evidence,
                    latest_outcome = EXCLUDED.latest_outcome, latest_result_code = EXCLUDED.latest_result_code,
                    latest_description = EXCLUDED.latest_description, latest_receipt = EXCLUDED.latest_receipt,
                    latest_amount_minor = EXCLUDED.latest_amount_minor,
                    contradiction_version = EXCLUDED.contradiction_version
                WHERE incident_view.contradiction_version < EXCLUDED.contradiction_version""",
                contradictions.stream().map(c -> {
                    ProviderResult e = c.evidence();
                    return new Object[]{c.incidentId(), c.paymentId(), c.kind().name(), c.paymentStatus().name(),
                            c.bookedMinor(), c.claimedMinor(), Math.subtractExact(c.claimedMinor(), c.bookedMinor()),
                            utc(c.at()), e.evidence().name(), e.outcome().name(), e.resultCode(), e.description(),
                            e.receipt(), e.amountMinor(), utc(c.at()), e.evidence().name(), e.outcome().name(),
                            e.resultCode(), e.description(), e.receipt(), e.amountMinor(), c.position(), c.version(),
                            c.version()};
                }).toList());
    }

    /** Each proposal replaces the pending one, over an older state of the row only. */
    void propose(List<Proposed> proposals) {
        if (proposals.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                UPDATE incident_view SET proposal_id = ?, proposed_action = ?, proposed_amount_minor = ?,
                                         proposal_reason = ?, proposed_by = ?, proposed_at = ?,
                                         wallet_id = COALESCE(wallet_id, ?), currency = COALESCE(currency, ?),
                                         version = ?
                WHERE incident_id = ? AND version < ?""", proposals.stream().map(p -> new Object[]{p.proposalId(),
                p.correction().action().name(), p.correction().amount().amountMinor(), p.reason(), p.proposedBy(),
                utc(p.at()), p.correction().walletId(), p.correction().amount().currency().name(), p.version(),
                p.incidentId(), p.version()}).toList());
    }

    /** A rejection leaves no correction pending. */
    void reject(List<Rejected> rejections) {
        if (rejections.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                UPDATE incident_view SET proposal_id = NULL, proposed_action = NULL, proposed_amount_minor = NULL,
                                         proposal_reason = NULL, proposed_by = NULL, proposed_at = NULL, version = ?
                WHERE incident_id = ? AND version < ?""", rejections.stream().map(r -> new Object[]{r.version(),
                r.incidentId(), r.version()}).toList());
    }

    /** The approved correction closes the incident; nothing is pending after it. */
    void resolve(List<Resolved> resolutions) {
        if (resolutions.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                UPDATE incident_view SET status = 'RESOLVED', resolved_proposal_id = ?, resolved_action = ?,
                                         resolved_amount_minor = ?, resolved_proposed_by = ?, approved_by = ?,
                                         resolution_note = ?, resolved_at = ?,
                                         wallet_id = COALESCE(wallet_id, ?), currency = COALESCE(currency, ?),
                                         proposal_id = NULL, proposed_action = NULL, proposed_amount_minor = NULL,
                                         proposal_reason = NULL, proposed_by = NULL, proposed_at = NULL, version = ?
                WHERE incident_id = ? AND version < ?""", resolutions.stream().map(r -> new Object[]{r.proposalId(),
                r.correction().action().name(), r.correction().amount().amountMinor(), r.proposedBy(), r.approvedBy(),
                r.note(), utc(r.at()), r.correction().walletId(), r.correction().amount().currency().name(),
                r.version(), r.incidentId(), r.version()}).toList());
    }

    void clear() {
        jdbc.execute("TRUNCATE incident_view");
    }

    Optional<IncidentView> find(UUID incidentId) {
        return client.sql("SELECT * FROM incident_view WHERE incident_id = ?")
                .param(incidentId)
                .query((rs, row) -> view(rs))
                .optional()
                .map(incident -> incident.withHistory(history.of(List.of(incidentId)).getOrDefault(incidentId, List.of())));
    }

    /** Oldest incident first (by the position of its opening), after {@code afterPosition}; all when {@code status} is null. */
    List<Listed> list(IncidentState.Status status, long afterPosition, int limit) {
        JdbcClient.StatementSpec select = status == null
                ? client.sql("SELECT * FROM incident_view WHERE list_position > ? ORDER BY list_position LIMIT ?")
                : client.sql("SELECT * FROM incident_view WHERE status = ? AND list_position > ? ORDER BY list_position LIMIT ?")
                        .param(status.name());
        List<Listed> page = select.param(afterPosition).param(limit)
                .query((rs, row) -> new Listed(view(rs), rs.getLong("list_position")))
                .list();
        // The page's histories in one query, not one per incident.
        Map<UUID, List<PaymentHistoryLine>> histories =
                history.of(page.stream().map(listed -> listed.incident().incidentId()).toList());
        return page.stream().map(listed -> new Listed(listed.incident().withHistory(
                histories.getOrDefault(listed.incident().incidentId(), List.of())), listed.position())).toList();
    }

    /** The open incident of each of {@code paymentIds} that has one: what explains its difference with the provider. */
    public Map<UUID, UUID> openIncidentsOf(Collection<UUID> paymentIds) {
        if (paymentIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, UUID> open = new HashMap<>();
        client.sql("SELECT payment_id, incident_id FROM incident_view WHERE status = 'OPEN' AND payment_id = ANY(?)")
                .param(paymentIds.toArray(UUID[]::new))
                .query((rs, row) -> open.put(rs.getObject("payment_id", UUID.class), rs.getObject("incident_id", UUID.class)))
                .list();
        return open;
    }

    /** Incidents not resolved yet: the gauge {@code mizani.incidents.open}. */
    public long countOpen() {
        return client.sql("SELECT count(*) FROM incident_view WHERE status = 'OPEN'").query(Long.class).single();
    }

    /** Every contradiction the view holds, under any incident: the counter {@code mizani.payment.contradictions}. */
    public long countContradictions() {
        return client.sql("SELECT COALESCE(sum(contradiction_count), 0) FROM incident_view").query(Long.class).single();
    }

    /** The row without its history, which is in another table. */
    private static IncidentView view(ResultSet rs) throws SQLException {
        String currency = rs.getString("currency");
        return new IncidentView(rs.getObject("incident_id", UUID.class), rs.getObject("payment_id", UUID.class),
                rs.getObject("wallet_id", UUID.class), currency, ContradictionKind.valueOf(rs.getString("kind")),
                IncidentState.Status.valueOf(rs.getString("status")), PaymentStatus.valueOf(rs.getString("payment_status")),
                Amounts.format(rs.getLong("booked_minor"), currency), Amounts.format(rs.getLong("claimed_minor"), currency),
                Amounts.format(rs.getLong("difference_minor"), currency), instant(rs.getTimestamp("opened_at")),
                rs.getInt("contradiction_count"), message(rs, "evidence", "evidence_", "opened_at", currency),
                message(rs, "latest_evidence", "latest_", "latest_at", currency), pending(rs, currency),
                resolution(rs, currency), List.of());
    }

    private static IncidentView.ProviderMessage message(ResultSet rs, String evidenceColumn, String prefix,
                                                        String atColumn, String currency) throws SQLException {
        return new IncidentView.ProviderMessage(Evidence.valueOf(rs.getString(evidenceColumn)),
                ProviderResult.Outcome.valueOf(rs.getString(prefix + "outcome")), rs.getString(prefix + "result_code"),
                rs.getString(prefix + "description"), rs.getString(prefix + "receipt"),
                amount(rs, prefix + "amount_minor", currency), instant(rs.getTimestamp(atColumn)));
    }

    private static IncidentView.PendingCorrection pending(ResultSet rs, String currency) throws SQLException {
        UUID proposalId = rs.getObject("proposal_id", UUID.class);
        return proposalId == null ? null : new IncidentView.PendingCorrection(proposalId,
                CorrectionAction.valueOf(rs.getString("proposed_action")), amount(rs, "proposed_amount_minor", currency),
                rs.getString("proposal_reason"), rs.getString("proposed_by"), instant(rs.getTimestamp("proposed_at")));
    }

    private static IncidentView.Resolution resolution(ResultSet rs, String currency) throws SQLException {
        UUID proposalId = rs.getObject("resolved_proposal_id", UUID.class);
        return proposalId == null ? null : new IncidentView.Resolution(proposalId,
                CorrectionAction.valueOf(rs.getString("resolved_action")), amount(rs, "resolved_amount_minor", currency),
                rs.getString("resolved_proposed_by"), rs.getString("approved_by"), rs.getString("resolution_note"),
                instant(rs.getTimestamp("resolved_at")));
    }

    private static String amount(ResultSet rs, String column, String currency) throws SQLException {
        long minor = rs.getLong(column);
        return rs.wasNull() ? null : Amounts.format(minor, currency);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
