package com.mizani.query.payroll;

import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.payroll.PayrollItem;
import com.mizani.kernel.payroll.PayrollItemResult;
import com.mizani.kernel.payroll.PayrollItemStatus;
import com.mizani.kernel.payroll.PayrollPayoutFinishedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** The {@code payroll_item_view} table: the only code that reads or writes it. */
@Component
public class PayrollItemViewRepository {

    private final JdbcTemplate jdbc;
    private final JdbcClient client;

    public PayrollItemViewRepository(JdbcTemplate jdbc, JdbcClient client) {
        this.jdbc = jdbc;
        this.client = client;
    }

    void added(UUID jobId, int firstIndex, List<PayrollItem> items) {
        List<Object[]> rows = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            PayrollItem item = items.get(i);
            rows.add(new Object[]{jobId, firstIndex + i, item.reference(), item.amount().amountMinor(),
                    item.amount().currency().name(), item.walletId(),
                    item.msisdn() == null ? null : item.msisdn().masked(), PayrollItemStatus.PENDING.name()});
        }
        jdbc.batchUpdate("""
                INSERT INTO payroll_item_view (job_id, item_index, reference, amount_minor, currency, wallet_id,
                                               msisdn_masked, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (job_id, item_index) DO NOTHING""", rows);
    }

    /** Each result applies once: only over a PENDING item. */
    void paid(UUID jobId, List<PayrollItemResult> results) {
        jdbc.batchUpdate("""
                UPDATE payroll_item_view SET status = ?, transfer_id = ?, payment_id = ?, failure_code = ?
                WHERE job_id = ? AND item_index = ? AND status = ?""", results.stream().map(r -> new Object[]{
                r.status().name(), r.transferId(), r.paymentId(),
                r.failureCode() == null ? null : r.failureCode().name(), jobId, r.index(),
                PayrollItemStatus.PENDING.name()}).toList());
    }

    /** A payout's outcome applies once: only over a PROCESSING item. */
    void payoutFinished(PayrollPayoutFinishedEvent event) {
        jdbc.update("""
                UPDATE payroll_item_view SET status = ?, provider_receipt = ?, failure_code = ?,
                                             provider_result_code = ?, failure_reason = ?
                WHERE job_id = ? AND item_index = ? AND status = ?""", event.status().name(), event.receipt(),
                event.failureCode() == null ? null : event.failureCode().name(), event.providerResultCode(),
                event.reason(), event.jobId(), event.index(), PayrollItemStatus.PROCESSING.name());
    }

    /** The items still unpaid when the job was cancelled or rejected. */
    void cancelRest(UUID jobId) {
        jdbc.update("UPDATE payroll_item_view SET status = ? WHERE job_id = ? AND status = ?",
                PayrollItemStatus.CANCELLED.name(), jobId, PayrollItemStatus.PENDING.name());
    }

    void clear() {
        jdbc.execute("TRUNCATE payroll_item_view");
    }

    /** In the job's order, after {@code afterIndex}; every status when {@code status} is null. */
    List<PayrollItemView> list(UUID jobId, PayrollItemStatus status, long afterIndex, int limit) {
        JdbcClient.StatementSpec select = status == null
                ? client.sql("SELECT * FROM payroll_item_view WHERE job_id = ? AND item_index > ? ORDER BY item_index LIMIT ?")
                        .param(jobId)
                : client.sql("""
                        SELECT * FROM payroll_item_view WHERE job_id = ? AND status = ? AND item_index > ?
                        ORDER BY item_index LIMIT ?""").param(jobId).param(status.name());
        return select.param(afterIndex).param(limit).query((rs, row) -> view(rs)).list();
    }

    /**
     * Every item in the job's order (of one status, when {@code status} is given), read {@code chunk} items at a time
     * as the stream is consumed: a report of 100,000 items holds one chunk at a time, never the whole list.
     */
    Stream<PayrollItemView> all(UUID jobId, PayrollItemStatus status, int chunk) {
        return Stream.iterate(list(jobId, status, -1, chunk), items -> !items.isEmpty(),
                        items -> items.size() < chunk ? List.of() : list(jobId, status, items.getLast().index(), chunk))
                .flatMap(List::stream);
    }

    private static PayrollItemView view(ResultSet rs) throws SQLException {
        CurrencyCode currency = CurrencyCode.valueOf(rs.getString("currency"));
        return new PayrollItemView(rs.getInt("item_index"), rs.getString("reference"),
                Money.format(rs.getLong("amount_minor"), currency), currency.name(),
                rs.getObject("wallet_id", UUID.class), rs.getString("msisdn_masked"),
                PayrollItemStatus.valueOf(rs.getString("status")), rs.getObject("transfer_id", UUID.class),
                rs.getObject("payment_id", UUID.class), rs.getString("provider_receipt"), rs.getString("failure_code"),
                rs.getString("provider_result_code"), rs.getString("failure_reason"));
    }
}
