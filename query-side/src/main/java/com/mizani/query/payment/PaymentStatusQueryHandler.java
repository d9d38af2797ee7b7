package com.mizani.query.payment;

import com.mizani.kernel.payment.FindPaymentStatusQuery;
import com.mizani.kernel.payment.PaymentStatus;
import com.mizani.kernel.payment.PaymentStatusUpdate;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** A payment's current status from its view: the first event of its live status stream. */
@Component
public class PaymentStatusQueryHandler {

    private final JdbcClient jdbc;

    public PaymentStatusQueryHandler(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public Optional<PaymentStatusUpdate> status(FindPaymentStatusQuery query) {
        return jdbc.sql("""
                        SELECT status, updated_at, provider_reference, receipt, failure_code, failure_reason, version
                        FROM payment_view WHERE payment_id = ?""")
                .param(query.paymentId())
                .query((rs, row) -> new PaymentStatusUpdate(query.paymentId(), PaymentStatus.valueOf(rs.getString("status")),
                        rs.getTimestamp("updated_at").toInstant(), rs.getString("provider_reference"),
                        rs.getString("receipt"), rs.getString("failure_code"), rs.getString("failure_reason"),
                        rs.getLong("version")))
                .optional();
    }
}
