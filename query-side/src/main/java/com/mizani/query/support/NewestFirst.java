package com.mizani.query.support;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A page of a view listed newest first, by request time then id (both descending): the rows requested within
 * [{@code from}, {@code to}), each bound optional, that come after the previous page's last row.
 *
 * @param afterRequestedAt the request time of the previous page's last row; null, like {@code afterId}, for the
 *                         first page
 */
public record NewestFirst(Instant from, Instant to, Instant afterRequestedAt, UUID afterId, int limit) {

    public NewestFirst {
        if ((afterRequestedAt == null) != (afterId == null)) {
            throw new IllegalArgumentException("a page starts after a request time and an id, or at the beginning");
        }
    }

    /**
     * A condition of the view's own, with one placeholder for its value; it applies only when the value is given.
     * An enum is bound by its name.
     */
    public record Condition(String sql, Object value) {

        public Condition {
            value = value instanceof Enum<?> constant ? constant.name() : value;
        }
    }

    /**
     * The statement reading this page: {@code select} ({@code SELECT * FROM view}, of a view with a
     * {@code requested_at} column) narrowed by each condition whose value is given, then by the page's bounds and
     * cursor, in the page's order and to its limit.
     */
    public JdbcClient.StatementSpec select(JdbcClient client, String select, String idColumn, Condition... conditions) {
        StringBuilder sql = new StringBuilder(select).append(" WHERE TRUE");
        List<Object> params = new ArrayList<>();
        for (Condition condition : conditions) {
            if (condition.value() != null) {
                sql.append(" AND ").append(condition.sql());
                params.add(condition.value());
            }
        }
        if (from != null) {
            sql.append(" AND requested_at >= ?");
            params.add(SqlTimes.utc(from));
        }
        if (to != null) {
            sql.append(" AND requested_at < ?");
            params.add(SqlTimes.utc(to));
        }
        if (afterRequestedAt != null) {
            sql.append(" AND (requested_at, ").append(idColumn).append(") < (?, ?)");
            params.add(SqlTimes.utc(afterRequestedAt));
            params.add(afterId);
        }
        sql.append(" ORDER BY requested_at DESC, ").append(idColumn).append(" DESC LIMIT ?");
        params.add(limit);
        return client.sql(sql.toString()).params(params);
    }
}
