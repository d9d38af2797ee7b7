package com.mizani.query.payment;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.PaymentStatus;
import com.mizani.kernel.payment.PendingResolution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Payments with their status timeline, and the operations list of payments by status. */
@RestController
public class PaymentQueryController {

    private static final int MAX_TIMELINE = 500;
    private static final int MAX_LIST = 200;

    private final JdbcClient jdbc;

    public PaymentQueryController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One step of a payment's life; {@code status} is set when the step changed it. */
    public record TimelineEntry(long sequence, Instant at, String event, PaymentStatus status, String detail) {
    }

    /** @param pendingResolution the resolution proposed for a payment in review and waiting for approval, or null */
    public record PaymentDetails(UUID paymentId, String kind, String method, UUID walletId, String amount, String fee,
                                 String currency, String msisdn, PaymentStatus status, String providerReference,
                                 String receipt, String failureCode, String failureReason, Instant requestedAt,
                                 Instant updatedAt, PendingResolution pendingResolution, List<TimelineEntry> timeline) {
    }

    public record PaymentList(List<PaymentDetails> payments) {
    }

    @GetMapping("/api/v1/payments/{paymentId}")
    public PaymentDetails payment(@PathVariable UUID paymentId) {
        PaymentDetails details = jdbc.sql("SELECT * FROM payment_view WHERE payment_id = ?")
                .param(paymentId)
                .query((rs, row) -> details(rs, timeline(paymentId)))
                .optional()
                .orElseThrow(() -> new MizaniException(ErrorCode.PAYMENT_NOT_FOUND, "payment " + paymentId + " does not exist"));
        return details;
    }

    /**
     * Oldest first, so the payments waiting longest come first; without timelines (fetch one for that), with any
     * resolution waiting for approval.
     */
    @GetMapping("/api/v1/ops/payments")
    public PaymentList byStatus(@RequestParam String status, @RequestParam(defaultValue = "50") int limit) {
        PaymentStatus wanted;
        try {
            wanted = PaymentStatus.valueOf(status);
        } catch (IllegalArgumentException unknown) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED, "status must be one of " + List.of(PaymentStatus.values()));
        }
        if (limit < 1 || limit > MAX_LIST) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED, "limit must be within [1, " + MAX_LIST + "]");
        }
        return new PaymentList(jdbc.sql("SELECT * FROM payment_view WHERE status = ? ORDER BY requested_at LIMIT ?")
                .param(wanted.name()).param(limit)
                .query((rs, row) -> details(rs, List.of()))
                .list());
    }

    private List<TimelineEntry> timeline(UUID paymentId) {
        return jdbc.sql("""
                        SELECT sequence, occurred_at, event, status, detail FROM payment_timeline
                        WHERE payment_id = ? ORDER BY sequence LIMIT ?""")
                .param(paymentId).param(MAX_TIMELINE)
                .query((rs, row) -> new TimelineEntry(rs.getLong("sequence"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("event"), statusOf(rs.getString("status")), rs.getString("detail")))
                .list();
    }

    private static PaymentDetails details(ResultSet rs, List<TimelineEntry> timeline) throws SQLException {
        CurrencyCode currency = CurrencyCode.valueOf(rs.getString("currency"));
        return new PaymentDetails(rs.getObject("payment_id", UUID.class), rs.getString("kind"), rs.getString("method"),
                rs.getObject("wallet_id", UUID.class), Money.format(rs.getLong("amount_minor"), currency),
                Money.format(rs.getLong("fee_minor"), currency), currency.name(), rs.getString("msisdn_masked"),
                PaymentStatus.valueOf(rs.getString("status")), rs.getString("provider_reference"),
                rs.getString("receipt"), rs.getString("failure_code"), rs.getString("failure_reason"),
                rs.getTimestamp("requested_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                pendingResolution(rs), timeline);
    }

    private static PendingResolution pendingResolution(ResultSet rs) throws SQLException {
        UUID proposalId = rs.getObject("proposal_id", UUID.class);
        return proposalId == null ? null : new PendingResolution(proposalId, rs.getString("proposed_outcome"),
                rs.getString("proposed_reason"), rs.getObject("proposed_wallet_id", UUID.class),
                rs.getString("proposed_by"), rs.getTimestamp("proposed_at").toInstant());
    }

    private static PaymentStatus statusOf(String status) {
        return status == null ? null : PaymentStatus.valueOf(status);
    }
}
