package com.mizani.query.transfer;

import com.mizani.kernel.transfer.FindTransferStatusQuery;
import com.mizani.kernel.transfer.TransferCompletedEvent;
import com.mizani.kernel.transfer.TransferConvertedEvent;
import com.mizani.kernel.transfer.TransferFailedEvent;
import com.mizani.kernel.transfer.TransferRejectedEvent;
import com.mizani.kernel.transfer.TransferRequestedEvent;
import com.mizani.kernel.transfer.TransferStatusUpdate;
import com.mizani.query.live.StatusUpdates;
import com.mizani.query.support.ProjectionBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The status of every transfer, for GET /transfers/{id}. Writes are collected per event batch and idempotent
 * through the transfer's sequence number; {@code projected_at} records when the status became visible. Each status
 * change goes to the live status streams once the batch has committed.
 */
@Component
@ProcessingGroup(TransferProjection.PROCESSING_GROUP)
public class TransferProjection {

    public static final String PROCESSING_GROUP = "transfers";

    private final TransferViewRepository transfers;
    private final StatusUpdates statusUpdates;

    public TransferProjection(TransferViewRepository transfers, StatusUpdates statusUpdates) {
        this.transfers = transfers;
        this.statusUpdates = statusUpdates;
    }

    @EventHandler
    void on(TransferRequestedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        TransferViewRow transfer = TransferViewRow.requested(event, sequence, at);
        batch().requested.add(transfer);
        batch().updates.add(transfer.statusUpdate());
    }

    @EventHandler
    void on(TransferConvertedEvent event) {
        batch().converted.add(event);
    }

    @EventHandler
    void on(TransferCompletedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        finished(TransferChange.completed(event, sequence, at));
    }

    @EventHandler
    void on(TransferRejectedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        finished(TransferChange.rejected(event, sequence, at));
    }

    @EventHandler
    void on(TransferFailedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        finished(TransferChange.failed(event, sequence, at));
    }

    private void finished(TransferChange change) {
        batch().finished.add(change);
        batch().updates.add(change.statusUpdate());
    }

    private Batch batch() {
        return ProjectionBatch.current(TransferProjection.class.getName(), Batch::new, this::flush, this::publish);
    }

    private static final class Batch {
        final List<TransferViewRow> requested = new ArrayList<>();
        final List<TransferConvertedEvent> converted = new ArrayList<>();
        final List<TransferChange> finished = new ArrayList<>();
        final List<TransferStatusUpdate> updates = new ArrayList<>();
    }

    private void publish(Batch batch) {
        statusUpdates.emit(FindTransferStatusQuery.class, FindTransferStatusQuery::transferId, batch.updates,
                TransferStatusUpdate::transferId);
    }

    /** Inserts first: a transfer's request and its outcome usually arrive in the same batch. */
    private void flush(Batch batch) {
        transfers.insert(batch.requested);
        transfers.converted(batch.converted);
        transfers.finish(batch.finished);
    }

    /** A replay rebuilds the view from the first event, so it starts from an empty one. */
    @ResetHandler
    void reset() {
        transfers.clear();
    }
}
