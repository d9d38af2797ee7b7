package com.mizani.query.incident;

import com.mizani.kernel.payment.PaymentHistoryLine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.mizani.query.support.SqlTimes.utc;

/** The {@code incident_history} table: the only code that reads or writes it. */
@Component
public class IncidentHistoryRepository {

    /** The lines read per incident: a payment's history is short, but every read has a limit. */
    static final int MAX_LINES = 500;

    private final JdbcTemplate jdbc;

    public IncidentHistoryRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The history a contradiction carried, at the global position of its event. Only the opening contradiction's is
     * kept (the incident's row has its position): the history the incident opened on, whatever the order redelivered
     * or later contradictions of the same incident come in.
     */
    record Carried(UUID incidentId, long position, List<PaymentHistoryLine> lines) {
    }

    /** Each line once: unique per incident and line, so a redelivered contradiction adds nothing. */
    void insert(List<Carried> histories) {
        List<Object[]> rows = new ArrayList<>();
        for (Carried carried : histories) {
            for (int line = 0; line < carried.lines().size(); line++) {
                PaymentHistoryLine entry = carried.lines().get(line);
                rows.add(new Object[]{carried.incidentId(), line, utc(entry.at()), entry.event(),
                        entry.detail(), carried.incidentId(), carried.position()});
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO incident_history (incident_id, line, occurred_at, event, detail)
                SELECT ?, ?, ?, ?, ?
                WHERE EXISTS (SELECT 1 FROM incident_view WHERE incident_id = ? AND list_position = ?)
                ON CONFLICT (incident_id, line) DO NOTHING""", rows);
    }

    void clear() {
        jdbc.execute("TRUNCATE incident_history");
    }

    /** The histories of these incidents, each in its order and to {@link #MAX_LINES}; an incident without lines is absent. */
    Map<UUID, List<PaymentHistoryLine>> of(Collection<UUID> incidentIds) {
        Map<UUID, List<PaymentHistoryLine>> histories = new LinkedHashMap<>();
        if (incidentIds.isEmpty()) {
            return histories;
        }
        jdbc.query("""
                        SELECT * FROM incident_history WHERE incident_id = ANY (?::uuid[]) AND line < ?
                        ORDER BY incident_id, line""",
                rs -> {
                    histories.computeIfAbsent(rs.getObject("incident_id", UUID.class), id -> new ArrayList<>())
                            .add(new PaymentHistoryLine(rs.getTimestamp("occurred_at").toInstant(), rs.getString("event"),
                                    rs.getString("detail")));
                },
                incidentIds.stream().map(UUID::toString).toArray(String[]::new), MAX_LINES);
        return histories;
    }
}
