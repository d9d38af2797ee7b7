package com.mizani.query.adjustment;

import com.mizani.kernel.adjustment.AdjustmentApprovedEvent;
import com.mizani.kernel.adjustment.AdjustmentFailedEvent;
import com.mizani.kernel.adjustment.AdjustmentProposedEvent;
import com.mizani.kernel.adjustment.AdjustmentRejectedEvent;
import com.mizani.kernel.adjustment.AdjustmentStatus;
import com.mizani.kernel.adjustment.AdjustmentView;
import com.mizani.kernel.ledger.Direction;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.mizani.query.support.SqlTimes.utc;

/**
 * The {@code adjustment_view} table: the only code that reads or writes it. Named after its table:
 * {@code adjustmentRepository} is the bean of the Adjustment aggregate's repository.
 */
@Component
public class AdjustmentViewRepository {

    private final JdbcTemplate jdbc;
    private final JdbcClient client;

    public AdjustmentViewRepository(JdbcTemplate jdbc, JdbcClient client) {
        this.jdbc = jdbc;
        this.client = client;
    }

    /** A proposal, at the global position of its event. */
    record Proposed(UUID adjustmentId, UUID walletId, Money amount, Direction direction, String reason,
                    String proposedBy, Instant proposedAt, long position, long version) {

        static Proposed of(AdjustmentProposedEvent event, long sequence, Instant at, long position) {
            return new Proposed(event.adjustmentId(), event.walletId(), event.amount(), event.direction(),
                    event.reason(), event.proposedBy(), at, position, sequence);
        }

        Proposed at(long ownPosition) {
            return new Proposed(adjustmentId, walletId, amount, direction, reason, proposedBy, proposedAt, ownPosition,
                    version);
        }
    }

    /** What an approval, rejection or failure sets; the fields it does not know stay null. */
    record Decided(UUID adjustmentId, AdjustmentStatus status, String approvedBy, String rejectedBy,
                   String decisionReason, Instant decidedAt, String failureCode, String failureReason, long version) {

        static Decided approved(AdjustmentApprovedEvent event, long sequence, Instant at) {
            return new Decided(event.adjustmentId(), AdjustmentStatus.APPROVED, event.approvedBy(), null,
                    event.reason(), at, null, null, sequence);
        }

        static Decided rejected(AdjustmentRejectedEvent event, long sequence, Instant at) {
            return new Decided(event.adjustmentId(), AdjustmentStatus.REJECTED, null, event.rejectedBy(),
                    event.reason(), at, null, null, sequence);
        }

        /** The approval's posting was refused: the approver is recorded, the decision's reason is not. */
        static Decided failed(AdjustmentFailedEvent event, long sequence, Instant at) {
            return new Decided(event.adjustmentId(), AdjustmentStatus.FAILED, event.approvedBy(), null, null, at,
                    event.code().name(), event.reason(), sequence);
        }
    }

    /** An adjustment and its place in the list, the key of the next page's cursor. */
    record Listed(AdjustmentView adjustment, long position) {
    }

    void insert(List<Proposed> proposals) {
        if (proposals.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO adjustment_view (adjustment_id, wallet_id, amount_minor, currency, direction, reason, status,
                                             proposed_by, proposed_at, list_position, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (adjustment_id) DO NOTHING""", proposals.stream().map(p -> new Object[]{p.adjustmentId(),
                p.walletId(), p.amount().amountMinor(), p.amount().currency().name(), p.direction().name(), p.reason(),
                AdjustmentStatus.PENDING_APPROVAL.name(), p.proposedBy(), utc(p.proposedAt()), p.position(),
                p.version()}).toList());
    }

    /** Applies decisions in order, each only over an older state of its row. */
    void decide(List<Decided> decisions) {
        if (decisions.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                UPDATE adjustment_view SET status = ?, approved_by = ?, rejected_by = ?, decision_reason = ?,
                                           decided_at = ?, failure_code = ?, failure_reason = ?, version = ?
                WHERE adjustment_id = ? AND version < ?""", decisions.stream().map(d -> new Object[]{d.status().name(),
                d.approvedBy(), d.rejectedBy(), d.decisionReason(), utc(d.decidedAt()), d.failureCode(),
                d.failureReason(), d.version(), d.adjustmentId(), d.version()}).toList());
    }

    void clear() {
        jdbc.execute("TRUNCATE adjustment_view");
    }

    Optional<AdjustmentView> find(UUID adjustmentId) {
        return client.sql("SELECT * FROM adjustment_view WHERE adjustment_id = ?")
                .param(adjustmentId)
                .query((rs, row) -> view(rs))
                .optional();
    }

    /** Oldest proposal first, after {@code afterPosition}; every status when {@code status} is null. */
    List<Listed> list(AdjustmentStatus status, long afterPosition, int limit) {
        JdbcClient.StatementSpec select = status == null
                ? client.sql("SELECT * FROM adjustment_view WHERE list_position > ? ORDER BY list_position LIMIT ?")
                : client.sql("SELECT * FROM adjustment_view WHERE status = ? AND list_position > ? ORDER BY list_position LIMIT ?")
                        .param(status.name());
        return select.param(afterPosition).param(limit)
                .query((rs, row) -> new Listed(view(rs), rs.getLong("list_position")))
                .list();
    }

    private static AdjustmentView view(ResultSet rs) throws SQLException {
        CurrencyCode currency = CurrencyCode.valueOf(rs.getString("currency"));
        return new AdjustmentView(rs.getObject("adjustment_id", UUID.class), rs.getObject("wallet_id", UUID.class),
                Money.format(rs.getLong("amount_minor"), currency), currency.name(), rs.getString("direction"),
                rs.getString("reason"), AdjustmentStatus.valueOf(rs.getString("status")), rs.getString("proposed_by"),
                rs.getTimestamp("proposed_at").toInstant(), rs.getString("approved_by"), rs.getString("rejected_by"),
                rs.getString("decision_reason"), instant(rs.getTimestamp("decided_at")), rs.getString("failure_code"),
                rs.getString("failure_reason"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
