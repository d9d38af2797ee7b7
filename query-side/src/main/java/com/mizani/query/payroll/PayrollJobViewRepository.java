package com.mizani.query.payroll;

import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.payroll.PayrollJobStatus;
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

/** The {@code payroll_job_view} table: the only code that reads or writes it. */
@Component
public class PayrollJobViewRepository {

    private final JdbcTemplate jdbc;
    private final JdbcClient client;

    public PayrollJobViewRepository(JdbcTemplate jdbc, JdbcClient client) {
        this.jdbc = jdbc;
        this.client = client;
    }

    /** A running job, and where the runner should go on paying it. */
    public record Running(UUID jobId, int checkpoint) {
    }

    void created(UUID jobId, UUID source, String name, int totalItems, Money total, Money fees, String createdBy,
                 Instant at, long version) {
        jdbc.update("""
                INSERT INTO payroll_job_view (job_id, source_wallet_id, name, status, total_items, total_minor,
                                              fees_minor, currency, checkpoint, succeeded_items, failed_items,
                                              created_by, created_at, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?, ?)
                ON CONFLICT (job_id) DO NOTHING""", jobId, source, name, PayrollJobStatus.PENDING_APPROVAL.name(),
                totalItems, total.amountMinor(), fees.amountMinor(), total.currency().name(), createdBy, utc(at),
                utc(at), version);
    }

    void approved(UUID jobId, String approvedBy, Instant at, long version) {
        jdbc.update("""
                UPDATE payroll_job_view SET status = ?, approved_by = ?, approval_refusal = NULL, updated_at = ?,
                                            version = ?
                WHERE job_id = ? AND version < ?""", PayrollJobStatus.RUNNING.name(), approvedBy, utc(at), version,
                jobId, version);
    }

    void approvalRefused(UUID jobId, String code, Instant at, long version) {
        jdbc.update("""
                UPDATE payroll_job_view SET approval_refusal = ?, updated_at = ?, version = ?
                WHERE job_id = ? AND version < ?""", code, utc(at), version, jobId, version);
    }

    void decided(UUID jobId, PayrollJobStatus status, String decidedBy, String reason, Instant at, long version) {
        jdbc.update("""
                UPDATE payroll_job_view SET status = ?, decided_by = ?, decision_reason = ?, updated_at = ?, version = ?
                WHERE job_id = ? AND version < ?""", status.name(), decidedBy, reason, utc(at), version, jobId, version);
    }

    void batchPaid(UUID jobId, int checkpoint, int succeeded, int failed, int processing, Instant at, long version) {
        jdbc.update("""
                UPDATE payroll_job_view SET checkpoint = ?, succeeded_items = succeeded_items + ?,
                                            failed_items = failed_items + ?, processing_items = processing_items + ?,
                                            updated_at = ?, version = ?
                WHERE job_id = ? AND version < ?""", checkpoint, succeeded, failed, processing, utc(at), version, jobId,
                version);
    }

    /** An item's payout was decided: it leaves the payouts under way for the succeeded or the failed. */
    void payoutFinished(UUID jobId, boolean paid, Instant at, long version) {
        jdbc.update("""
                UPDATE payroll_job_view SET processing_items = processing_items - 1,
                                            succeeded_items = succeeded_items + ?, failed_items = failed_items + ?,
                                            updated_at = ?, version = ?
                WHERE job_id = ? AND version < ?""", paid ? 1 : 0, paid ? 0 : 1, utc(at), version, jobId, version);
    }

    void completed(UUID jobId, PayrollJobStatus status, Instant at, long version) {
        jdbc.update("""
                UPDATE payroll_job_view SET status = ?, updated_at = ?, version = ?
                WHERE job_id = ? AND version < ?""", status.name(), utc(at), version, jobId, version);
    }

    void clear() {
        jdbc.execute("TRUNCATE payroll_job_view");
    }

    Optional<PayrollJobView> find(UUID jobId) {
        return client.sql("SELECT * FROM payroll_job_view WHERE job_id = ?")
                .param(jobId)
                .query((rs, row) -> view(rs))
                .optional();
    }

    /** The newest jobs first, of one status or of any. */
    List<PayrollJobView> newest(PayrollJobStatus status, int limit) {
        return client.sql("""
                        SELECT * FROM payroll_job_view WHERE (?::varchar IS NULL OR status = ?::varchar)
                        ORDER BY created_at DESC, job_id LIMIT ?""")
                .params(status == null ? null : status.name(), status == null ? null : status.name(), limit)
                .query((rs, row) -> view(rs))
                .list();
    }

    /** The job as {@link #find} shows it, with the sequence of its last event the view applied. */
    Optional<PayrollJobProgress> progress(UUID jobId) {
        return client.sql("SELECT * FROM payroll_job_view WHERE job_id = ?")
                .param(jobId)
                .query((rs, row) -> new PayrollJobProgress(view(rs), rs.getLong("version")))
                .optional();
    }

    /**
     * Running jobs with items left to pay, least recently advanced first, so that every job gets its turn. A job
     * whose last items are payouts under way has nothing left for the runner: their outcomes complete it.
     */
    public List<Running> running(int limit) {
        return client.sql("""
                        SELECT job_id, checkpoint FROM payroll_job_view WHERE status = ? AND checkpoint < total_items
                        ORDER BY updated_at LIMIT ?""")
                .param(PayrollJobStatus.RUNNING.name())
                .param(limit)
                .query((rs, row) -> new Running(rs.getObject("job_id", UUID.class), rs.getInt("checkpoint")))
                .list();
    }

    private static PayrollJobView view(ResultSet rs) throws SQLException {
        CurrencyCode currency = CurrencyCode.valueOf(rs.getString("currency"));
        int total = rs.getInt("total_items");
        int succeeded = rs.getInt("succeeded_items");
        int failed = rs.getInt("failed_items");
        int processed = succeeded + failed;
        return new PayrollJobView(rs.getObject("job_id", UUID.class), rs.getString("name"),
                rs.getObject("source_wallet_id", UUID.class), PayrollJobStatus.valueOf(rs.getString("status")), total,
                Money.format(rs.getLong("total_minor"), currency), Money.format(rs.getLong("fees_minor"), currency),
                currency.name(), processed, succeeded, failed, rs.getInt("processing_items"), total - processed,
                rs.getInt("checkpoint"), processed + "/" + total, rs.getString("created_by"),
                instant(rs.getTimestamp("created_at")), rs.getString("approved_by"), rs.getString("decided_by"),
                rs.getString("decision_reason"), rs.getString("approval_refusal"), instant(rs.getTimestamp("updated_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
