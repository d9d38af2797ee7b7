package com.mizani.query.ops;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.query.support.Instants;
import com.mizani.query.support.SqlTimes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The filters of the activity list, checked, and the SQL they select with: transfers and payments in one list,
 * newest first, each side narrowed in its own table so that its indexes serve.
 *
 * @param type   null for every type
 * @param status null for every status; a status only some types have limits the list to those types
 */
record ActivityFilter(ActivityType type, String status, UUID walletId, Instant from, Instant to) {

    static ActivityFilter of(String type, String status, UUID walletId, String from, String to) {
        ActivityFilter filter = new ActivityFilter(ActivityType.parse(type), ActivityType.parseStatus(status),
                walletId, from == null ? null : Instants.parse("from", from), to == null ? null : Instants.parse("to", to));
        if (filter.from != null && filter.to != null && !filter.from.isBefore(filter.to)) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED, "from must be before to");
        }
        if (!filter.includesTransfers() && !filter.includesPayments()) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED, "status " + status + " does not apply to " + type);
        }
        return filter;
    }

    /** A statement and its parameters, in order. */
    record Sql(String text, List<Object> params) {
    }

    Sql select(ActivityCursor after, int limit) {
        List<String> branches = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (includesTransfers()) {
            branches.add("""
                    SELECT 'TRANSFER' AS type, NULL AS method, transfer_id AS id, source_wallet_id AS wallet_id,
                           destination_wallet_id AS counterparty_wallet_id, amount_minor, 0 AS fee_minor, currency,
                           status, failure_code, failure_reason, requested_at,
                           COALESCE(finished_at, requested_at) AS updated_at
                    FROM transfer_view WHERE TRUE""" + conditions("transfer_id", after, params,
                    "? IN (source_wallet_id, destination_wallet_id)", null));
        }
        if (includesPayments()) {
            branches.add("""
                    SELECT kind AS type, method, payment_id AS id, wallet_id, NULL AS counterparty_wallet_id,
                           amount_minor, fee_minor, currency, status, failure_code, failure_reason, requested_at,
                           updated_at
                    FROM payment_view WHERE TRUE""" + conditions("payment_id", after, params, "wallet_id = ?",
                    type != null && type.isPayment() ? type.name() : null));
        }
        params.add(limit);
        return new Sql("SELECT * FROM (" + String.join("\nUNION ALL\n", branches)
                + ") activity ORDER BY requested_at DESC, id DESC LIMIT ?", params);
    }

    /** @param walletCondition how the branch's table names the wallet, with one placeholder for it */
    private String conditions(String idColumn, ActivityCursor after, List<Object> params, String walletCondition,
                              String kind) {
        StringBuilder where = new StringBuilder();
        if (kind != null) {
            where.append(" AND kind = ?");
            params.add(kind);
        }
        if (status != null) {
            where.append(" AND status = ?");
            params.add(status);
        }
        if (walletId != null) {
            where.append(" AND ").append(walletCondition);
            params.add(walletId);
        }
        if (from != null) {
            where.append(" AND requested_at >= ?");
            params.add(SqlTimes.utc(from));
        }
        if (to != null) {
            where.append(" AND requested_at < ?");
            params.add(SqlTimes.utc(to));
        }
        if (after != null) {
            where.append(" AND (requested_at, ").append(idColumn).append(") < (?, ?)");
            params.add(SqlTimes.utc(after.requestedAt()));
            params.add(after.id());
        }
        return where.toString();
    }

    private boolean includesTransfers() {
        return (type == null || type == ActivityType.TRANSFER)
                && (status == null || ActivityType.TRANSFER.hasStatus(status));
    }

    private boolean includesPayments() {
        return (type == null || type.isPayment()) && (status == null || ActivityType.DEPOSIT.hasStatus(status));
    }
}
