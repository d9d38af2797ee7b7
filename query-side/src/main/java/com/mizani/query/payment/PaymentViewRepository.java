package com.mizani.query.payment;

import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.PaymentKind;
import com.mizani.kernel.payment.PaymentMethod;
import com.mizani.kernel.payment.PaymentStatus;
import com.mizani.kernel.payment.PendingResolution;
import com.mizani.query.support.Columns;
import com.mizani.query.support.NewestFirst;
import com.mizani.query.support.NewestFirst.Condition;
import com.mizani.query.support.Volume;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.mizani.query.support.SqlTimes.utc;

/**
 * The {@code payment_view} table: the only code that reads or writes it. {@link PaymentProjection} writes it (in
 * batches, each kind of write in one statement); the payment API and operations read it.
 * Named after its table: {@code paymentRepository} is the bean of the Payment aggregate's repository.
 */
@Component
public class PaymentViewRepository {

    /** The width of the text columns of {@code payment_view} and {@code payment_timeline} that take free text. */
    static final int TEXT_WIDTH = 512;
    /** Before every payment id in PostgreSQL's uuid order, so the first page needs no query of its own. */
    private static final UUID FIRST_ID = new UUID(0, 0);

    private final JdbcTemplate jdbc;
    private final JdbcClient client;

    public PaymentViewRepository(JdbcTemplate jdbc, JdbcClient client) {
        this.jdbc = jdbc;
        this.client = client;
    }

    /** Rows with the number of all rows that matched, beyond the limit too. */
    public record Counted(List<PaymentViewRow> rows, long total) {
    }

    // ---- writes (the projection's) ----------------------------------------------------------------------------

    /** Inserts each payment once: a payment that exists already is left as it is. */
    void insert(List<NewPayment> payments) {
        if (payments.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO payment_view (payment_id, kind, method, wallet_id, amount_minor, fee_minor, currency,
                                          msisdn_masked, provider_reference, status, requested_at, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (payment_id) DO NOTHING""", payments.stream().map(p -> new Object[]{p.paymentId(),
                p.kind().name(), p.method().name(), p.walletId(), p.amount().amountMinor(), p.fee().amountMinor(),
                p.amount().currency().name(), p.msisdnMasked(), p.providerReference(), PaymentStatus.REQUESTED.name(),
                utc(p.requestedAt()), utc(p.requestedAt()), p.version()}).toList());
    }

    /** Applies changes in order, each only over an older version of its row. */
    void apply(List<PaymentChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                UPDATE payment_view SET status = COALESCE(?, status),
                                        provider_reference = COALESCE(?, provider_reference),
                                        receipt = COALESCE(?, receipt), failure_code = COALESCE(?, failure_code),
                                        failure_reason = COALESCE(?, failure_reason), updated_at = ?, version = ?
                WHERE payment_id = ? AND version < ?""", changes.stream().map(c -> new Object[]{c.status().name(),
                c.providerReference(), c.receipt(), c.failureCode(), c.failureReason(), utc(c.at()), c.version(),
                c.paymentId(), c.version()}).toList());
    }

    /**
     * The wallets operators resolved parked payments into, by payment. Not versioned: the resolution is a payment's
     * last event, and it names the wallet the payment's money went to.
     */
    void assignWallets(Map<UUID, UUID> walletByPayment) {
        if (walletByPayment.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("UPDATE payment_view SET wallet_id = ? WHERE payment_id = ?", walletByPayment.entrySet()
                .stream().map(assigned -> new Object[]{assigned.getValue(), assigned.getKey()}).toList());
    }

    /** Applies proposals and decisions in order, each only over an older proposal version of its row. */
    void applyProposals(List<ProposalChange> proposals) {
        if (proposals.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                UPDATE payment_view SET proposal_id = ?, proposed_outcome = ?, proposed_reason = ?,
                                        proposed_wallet_id = ?, proposed_by = ?, proposed_at = ?, proposal_version = ?
                WHERE payment_id = ? AND proposal_version < ?""", proposals.stream().map(p -> new Object[]{
                p.proposalId(), p.outcome(), p.reason(), p.walletId(), p.proposedBy(),
                p.proposedAt() == null ? null : utc(p.proposedAt()), p.version(), p.paymentId(), p.version()}).toList());
    }

    void clear() {
        jdbc.execute("TRUNCATE payment_view");
    }

    // ---- reads ------------------------------------------------------------------------------------------------

    public Optional<PaymentViewRow> find(UUID paymentId) {
        return client.sql("SELECT * FROM payment_view WHERE payment_id = ?")
                .param(paymentId)
                .query(PaymentViewRepository::row)
                .optional();
    }

    /** How many payments through a provider (not cash) are in one of these statuses. */
    public long countThroughProvider(Collection<PaymentStatus> statuses) {
        return client.sql("SELECT count(*) FROM payment_view WHERE method <> 'CASH' AND status IN (:statuses)")
                .param("statuses", statuses.stream().map(PaymentStatus::name).toList())
                .query(Long.class)
                .single();
    }

    /**
     * The payouts accepted and not yet sent to the provider: those RESERVED (only a payout is ever RESERVED:
     * {@code WithdrawalReservedEvent} is the only event that sets it), with when the oldest of them was requested.
     * The index {@code payment_view_status (status, requested_at)} holds both, so the count reads no more than the
     * backlog's own entries, however many payments the view holds.
     */
    public UnsentPayouts unsentPayouts() {
        return client.sql("SELECT count(*) AS unsent, min(requested_at) AS oldest FROM payment_view WHERE status = ?")
                .param(PaymentStatus.RESERVED.name())
                .query((rs, row) -> {
                    Timestamp oldest = rs.getTimestamp("oldest");
                    return new UnsentPayouts(rs.getLong("unsent"), oldest == null ? null : oldest.toInstant());
                })
                .single();
    }

    /**
     * The payouts accepted and not yet sent to the provider.
     *
     * @param count             how many
     * @param oldestRequestedAt when the one waiting longest was requested; null when there is none
     */
    public record UnsentPayouts(long count, Instant oldestRequestedAt) {
    }

    /**
     * Payouts through a provider (not cash) with an id after {@code after} (null: from the first), in id order: a
     * page of all of them, for reconciling them one by one with the provider's statement.
     */
    public List<PayoutStatus> payoutsThroughProviderAfter(UUID after, int limit) {
        return client.sql("""
                        SELECT payment_id, status FROM payment_view
                        WHERE kind = 'WITHDRAWAL' AND method <> 'CASH' AND payment_id > ?
                        ORDER BY payment_id LIMIT ?""")
                .params(after == null ? FIRST_ID : after, limit)
                .query((rs, row) -> new PayoutStatus(rs.getObject("payment_id", UUID.class),
                        PaymentStatus.valueOf(rs.getString("status"))))
                .list();
    }

    /**
     * Deposits through a provider (pushes and pay-bill payments) with an id after {@code after}, in id order, each
     * with the reference the provider's statement knows it by: the CheckoutRequestID of a push (null until the push
     * was acknowledged), the TransID of a pay-bill payment.
     */
    public List<DepositReference> depositsThroughProviderAfter(UUID after, int limit) {
        return client.sql("""
                        SELECT payment_id, status,
                               CASE WHEN method = 'MPESA_C2B' THEN receipt ELSE provider_reference END AS reference
                        FROM payment_view
                        WHERE kind = 'DEPOSIT' AND method IN ('MPESA_STK', 'MPESA_C2B') AND payment_id > ?
                        ORDER BY payment_id LIMIT ?""")
                .params(after == null ? FIRST_ID : after, limit)
                .query((rs, row) -> new DepositReference(rs.getObject("payment_id", UUID.class),
                        PaymentStatus.valueOf(rs.getString("status")), rs.getString("reference")))
                .list();
    }

    /** A deposit by its id, status and the provider's reference for it, as reconciliation pages through them. */
    public record DepositReference(UUID paymentId, PaymentStatus status, String reference) {
    }

    /** A payout by its id and status, as reconciliation pages through them. */
    public record PayoutStatus(UUID paymentId, PaymentStatus status) {
    }

    /** The payments in one status, the one requested first first. */
    public List<PaymentViewRow> oldestFirst(PaymentStatus status, int limit) {
        return client.sql("SELECT * FROM payment_view WHERE status = ? ORDER BY requested_at LIMIT ?")
                .params(status.name(), limit)
                .query(PaymentViewRepository::row)
                .list();
    }

    /** Like {@link #oldestFirst}, with how many payments are in that status. */
    public Counted oldestFirstCounted(PaymentStatus status, int limit) {
        return counted(client.sql("""
                        SELECT *, COUNT(*) OVER () AS total FROM payment_view WHERE status = ?
                        ORDER BY requested_at, payment_id LIMIT ?""")
                .params(status.name(), limit));
    }

    /** Payouts that failed in [{@code from}, {@code to}), by when they failed, the latest first. */
    public Counted failedWithdrawals(Instant from, Instant to, int limit) {
        return counted(client.sql("""
                        SELECT *, COUNT(*) OVER () AS total FROM payment_view
                        WHERE status = 'FAILED' AND kind = 'WITHDRAWAL' AND updated_at >= ? AND updated_at < ?
                        ORDER BY updated_at DESC, payment_id LIMIT ?""")
                .params(utc(from), utc(to), limit));
    }

    /**
     * Payments newest first, narrowed by each criterion given (null for any).
     *
     * @param walletId the payment's wallet
     */
    public List<PaymentViewRow> newestFirst(PaymentKind kind, PaymentStatus status, UUID walletId, NewestFirst page) {
        return page.select(client, "SELECT * FROM payment_view", "payment_id", new Condition("kind = ?", kind),
                        new Condition("status = ?", status), new Condition("wallet_id = ?", walletId))
                .query(PaymentViewRepository::row)
                .list();
    }

    /** The payments requested in [{@code from}, {@code to}), by kind (their type), status and currency. */
    public List<Volume> volumes(Instant from, Instant to) {
        return Volume.totals(client, "payment_view", "kind", from, to);
    }

    /**
     * Like {@link #volumes}, by time bucket too.
     *
     * @see Volume#byBucket
     */
    public List<Volume> volumesByBucket(String bucket, Instant from, Instant to, int limit) {
        return Volume.byBucket(client, "payment_view", "kind", bucket, from, to, limit);
    }

    /** Free text cut to the width of its column. */
    static String fitted(String text) {
        return Columns.fitted(text, TEXT_WIDTH);
    }

    private record WithTotal(PaymentViewRow row, long total) {
    }

    /** Reads a selection of rows that also counts, in its column {@code total}, every row it matched. */
    private static Counted counted(JdbcClient.StatementSpec select) {
        List<WithTotal> found = select.query((rs, row) -> new WithTotal(row(rs, row), rs.getLong("total"))).list();
        return new Counted(found.stream().map(WithTotal::row).toList(), found.isEmpty() ? 0 : found.getFirst().total());
    }

    private static PaymentViewRow row(ResultSet rs, int row) throws SQLException {
        CurrencyCode currency = CurrencyCode.valueOf(rs.getString("currency"));
        return new PaymentViewRow(rs.getObject("payment_id", UUID.class), PaymentKind.valueOf(rs.getString("kind")),
                PaymentMethod.valueOf(rs.getString("method")), rs.getObject("wallet_id", UUID.class),
                Money.of(rs.getLong("amount_minor"), currency), Money.of(rs.getLong("fee_minor"), currency),
                rs.getString("msisdn_masked"), PaymentStatus.valueOf(rs.getString("status")),
                rs.getString("provider_reference"), rs.getString("receipt"), rs.getString("failure_code"),
                rs.getString("failure_reason"), rs.getTimestamp("requested_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"), pendingResolution(rs));
    }

    private static PendingResolution pendingResolution(ResultSet rs) throws SQLException {
        UUID proposalId = rs.getObject("proposal_id", UUID.class);
        return proposalId == null ? null : new PendingResolution(proposalId, rs.getString("proposed_outcome"),
                rs.getString("proposed_reason"), rs.getObject("proposed_wallet_id", UUID.class),
                rs.getString("proposed_by"), rs.getTimestamp("proposed_at").toInstant());
    }
}
