package com.mizani.query.transfer;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.transfer.FindTransferStatusQuery;
import com.mizani.kernel.transfer.TransferStatus;
import com.mizani.kernel.transfer.TransferStatusUpdate;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.Optional;

/** A transfer's current status from its view: the first event of its live status stream. */
@Component
public class TransferStatusQueryHandler {

    private final JdbcClient jdbc;

    public TransferStatusQueryHandler(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public Optional<TransferStatusUpdate> status(FindTransferStatusQuery query) {
        return jdbc.sql("""
                        SELECT status, failure_code, failure_reason, requested_at, finished_at, version
                        FROM transfer_view WHERE transfer_id = ?""")
                .param(query.transferId())
                .query((rs, row) -> {
                    String code = rs.getString("failure_code");
                    Timestamp finished = rs.getTimestamp("finished_at");
                    Timestamp at = finished == null ? rs.getTimestamp("requested_at") : finished;
                    return new TransferStatusUpdate(query.transferId(), TransferStatus.valueOf(rs.getString("status")),
                            at.toInstant(), code == null ? null : ErrorCode.valueOf(code), rs.getString("failure_reason"),
                            rs.getLong("version"));
                })
                .optional();
    }
}
