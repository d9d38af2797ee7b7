package com.mizani.query.transfer;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.transfer.FindTransferStatusQuery;
import com.mizani.kernel.transfer.TransferCompletedEvent;
import com.mizani.kernel.transfer.TransferFailedEvent;
import com.mizani.kernel.transfer.TransferRejectedEvent;
import com.mizani.kernel.transfer.TransferRequestedEvent;
import com.mizani.kernel.transfer.TransferStatus;
import com.mizani.kernel.transfer.TransferStatusUpdate;
import com.mizani.query.live.StatusUpdates;
import com.mizani.query.support.ProjectionBatch;

import static com.mizani.query.support.SqlTimes.utc;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The status of every transfer, for GET /transfers/{id}. Writes are collected per event batch and idempotent
 * through the transfer's sequence number; {@code projected_at} records when the status became visible. Each status
 * change goes to the live status streams once the batch has committed.
 */
@Component
@ProcessingGroup(TransferProjection.PROCESSING_GROUP)
public class TransferProjection {

    public static final String PROCESSING_GROUP = "transfers";

    private final JdbcTemplate jdbc;
    private final StatusUpdates statusUpdates;

    public TransferProjection(JdbcTemplate jdbc, StatusUpdates statusUpdates) {
        this.jdbc = jdbc;
        this.statusUpdates = statusUpdates;
    }

    @EventHandler
    void on(TransferRequestedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        batch().requested.add(new Object[]{event.transferId(), event.sourceWalletId(), event.destinationWalletId(),
                event.amount().amountMinor(), event.amount().currency().name(), TransferStatus.REQUESTED.name(),
                utc(at), sequence});
        batch().updates.add(new TransferStatusUpdate(event.transferId(), TransferStatus.REQUESTED, at, null, null, sequence));
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
        batch().finished.add(new Object[]{status.name(), code == null ? null : code.name(), truncate(reason), utc(at),
                sequence, transferId, sequence});
        batch().updates.add(new TransferStatusUpdate(transferId, status, at, code, truncate(reason), sequence));
    }

    private Batch batch() {
        return ProjectionBatch.current(TransferProjection.class.getName(), Batch::new, this::flush, this::publish);
    }

    private static final class Batch {
        final List<Object[]> requested = new ArrayList<>();
        final List<Object[]> finished = new ArrayList<>();
        final List<TransferStatusUpdate> updates = new ArrayList<>();
    }

    private void publish(Batch batch) {
        statusUpdates.emit(FindTransferStatusQuery.class, FindTransferStatusQuery::transferId, batch.updates,
                TransferStatusUpdate::transferId);
    }

    /** Inserts first: a transfer's request and its outcome usually arrive in the same batch. */
    private void flush(Batch batch) {
        if (!batch.requested.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO transfer_view (transfer_id, source_wallet_id, destination_wallet_id, amount_minor,
                                               currency, status, requested_at, version, projected_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, clock_timestamp())
                    ON CONFLICT (transfer_id) DO NOTHING""", batch.requested);
        }
        if (!batch.finished.isEmpty()) {
            jdbc.batchUpdate("""
                    UPDATE transfer_view SET status = ?, failure_code = ?, failure_reason = ?, finished_at = ?, version = ?,
                                             projected_at = clock_timestamp()
                    WHERE transfer_id = ? AND version < ?""", batch.finished);
        }
    }

    private static String truncate(String reason) {
        return reason == null || reason.length() <= 512 ? reason : reason.substring(0, 512);
    }

    /** A replay rebuilds the view from the first event, so it starts from an empty one. */
    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE transfer_view");
    }
}
