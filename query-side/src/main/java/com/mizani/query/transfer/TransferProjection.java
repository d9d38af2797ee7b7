package com.mizani.query.transfer;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.transfer.TransferCompletedEvent;
import com.mizani.kernel.transfer.TransferFailedEvent;
import com.mizani.kernel.transfer.TransferRejectedEvent;
import com.mizani.kernel.transfer.TransferRequestedEvent;
import com.mizani.kernel.transfer.TransferStatus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** The status of every transfer, for GET /transfers/{id}; idempotent through the transfer's sequence number. */
@Component
@ProcessingGroup(TransferProjection.PROCESSING_GROUP)
public class TransferProjection {

    public static final String PROCESSING_GROUP = "transfers";

    private final JdbcClient jdbc;

    public TransferProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TransferRequestedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO transfer_view (transfer_id, source_wallet_id, destination_wallet_id, amount_minor,
                                                   currency, status, requested_at, version, projected_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, clock_timestamp())
                        ON CONFLICT (transfer_id) DO NOTHING""")
                .params(event.transferId(), event.sourceWalletId(), event.destinationWalletId(),
                        event.amount().amountMinor(), event.amount().currency().name(),
                        TransferStatus.REQUESTED.name(), utc(at), sequence)
                .update();
    }

    @EventHandler
    void on(TransferCompletedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        finish(event.transferId(), TransferStatus.COMPLETED, null, null, sequence, at);
    }

    @EventHandler
    void on(TransferRejectedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        finish(event.transferId(), TransferStatus.REJECTED, event.code(), event.reason(), sequence, at);
    }

    @EventHandler
    void on(TransferFailedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        finish(event.transferId(), TransferStatus.FAILED, event.code(), event.reason(), sequence, at);
    }

    private void finish(UUID transferId, TransferStatus status, ErrorCode code, String reason, long sequence, Instant at) {
        jdbc.sql("""
                        UPDATE transfer_view SET status = ?, failure_code = ?, failure_reason = ?, finished_at = ?, version = ?,
                                                 projected_at = clock_timestamp()
                        WHERE transfer_id = ? AND version < ?""")
                .params(status.name(), code == null ? null : code.name(), truncate(reason), utc(at), sequence,
                        transferId, sequence)
                .update();
    }

    private static String truncate(String reason) {
        return reason == null || reason.length() <= 512 ? reason : reason.substring(0, 512);
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
