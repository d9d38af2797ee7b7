package com.mizani.query.ops;

import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.query.support.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Recent transfers and payments for operations, newest first, filtered and paged. */
@RestController
public class ActivityController {

    private final JdbcClient jdbc;

    public ActivityController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One transfer or payment as it stands now.
     *
     * @param walletId             the wallet debited by a transfer, or the payment's wallet
     * @param counterpartyWalletId the wallet a transfer credits; null for payments
     * @param method               how a payment moves money (CASH, MPESA_B2C…); null for transfers
     */
    public record Activity(UUID id, ActivityType type, String method, String status, UUID walletId,
                           UUID counterpartyWalletId, String amount, String fee, String currency, String failureCode,
                           String failureReason, Instant requestedAt, Instant updatedAt) {
    }

    /**
     * @param type     TRANSFER, DEPOSIT or WITHDRAWAL
     * @param status   a transfer or payment status
     * @param walletId a wallet on either side
     * @param from     requested at or after (ISO-8601)
     * @param to       requested before (ISO-8601)
     */
    @GetMapping("/api/v1/ops/activity")
    public Page<Activity> activity(@RequestParam(required = false) String type,
                                   @RequestParam(required = false) String status,
                                   @RequestParam(required = false) UUID walletId,
                                   @RequestParam(required = false) String from,
                                   @RequestParam(required = false) String to,
                                   @RequestParam(required = false) Integer limit,
                                   @RequestParam(required = false) String cursor) {
        int pageSize = Page.checkedLimit(limit);
        ActivityFilter filter = ActivityFilter.of(type, status, walletId, from, to);
        ActivityFilter.Sql select = filter.select(ActivityCursor.decode(cursor), pageSize + 1);
        List<Activity> rows = jdbc.sql(select.text()).params(select.params())
                .query(ActivityController::activity)
                .list();
        if (rows.size() <= pageSize) {
            return new Page<>(rows, null);
        }
        List<Activity> page = rows.subList(0, pageSize);
        Activity last = page.getLast();
        return new Page<>(List.copyOf(page), new ActivityCursor(last.requestedAt(), last.id()).encode());
    }

    private static Activity activity(ResultSet rs, int row) throws SQLException {
        ActivityType type = ActivityType.valueOf(rs.getString("type"));
        CurrencyCode currency = CurrencyCode.valueOf(rs.getString("currency"));
        return new Activity(rs.getObject("id", UUID.class), type, rs.getString("method"), rs.getString("status"),
                rs.getObject("wallet_id", UUID.class), rs.getObject("counterparty_wallet_id", UUID.class),
                Money.format(rs.getLong("amount_minor"), currency),
                type.isPayment() ? Money.format(rs.getLong("fee_minor"), currency) : null, currency.name(),
                rs.getString("failure_code"), rs.getString("failure_reason"),
                rs.getTimestamp("requested_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
