package com.mizani.query.adjustment;

import com.mizani.kernel.adjustment.AdjustmentApprovedEvent;
import com.mizani.kernel.adjustment.AdjustmentFailedEvent;
import com.mizani.kernel.adjustment.AdjustmentProposedEvent;
import com.mizani.kernel.adjustment.AdjustmentRejectedEvent;
import com.mizani.query.ledger.EventPositions;
import com.mizani.query.support.ProjectionBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every manual adjustment as it stands, for the checker's inbox. A processing group of its own: adjustments are
 * neither transfers nor payments, so this view is rebuilt, and falls behind on a failure, without touching theirs.
 * Idempotent: a proposal is inserted once, and a decision applies only over an older state of its row. Writes are
 * collected per event batch ({@link ProjectionBatch}).
 */
@Component
@ProcessingGroup(AdjustmentProjection.PROCESSING_GROUP)
public class AdjustmentProjection {

    public static final String PROCESSING_GROUP = "adjustments";

    private final AdjustmentViewRepository adjustments;
    private final EventPositions eventPositions;

    public AdjustmentProjection(AdjustmentViewRepository adjustments, EventPositions eventPositions) {
        this.adjustments = adjustments;
        this.eventPositions = eventPositions;
    }

    @EventHandler
    void on(AdjustmentProposedEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MessageIdentifier String eventId, TrackingToken token) {
        batch().proposed.put(eventId, AdjustmentViewRepository.Proposed.of(event, sequence, at, token.position().orElseThrow(
                () -> new IllegalStateException("adjustment events must come from a stream with positions"))));
    }

    @EventHandler
    void on(AdjustmentApprovedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        batch().decided.add(AdjustmentViewRepository.Decided.approved(event, sequence, at));
    }

    @EventHandler
    void on(AdjustmentRejectedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        batch().decided.add(AdjustmentViewRepository.Decided.rejected(event, sequence, at));
    }

    @EventHandler
    void on(AdjustmentFailedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        batch().decided.add(AdjustmentViewRepository.Decided.failed(event, sequence, at));
    }

    private Batch batch() {
        return ProjectionBatch.current(AdjustmentProjection.class.getName(), Batch::new, this::flush);
    }

    private static final class Batch {
        /** By event id, in the batch's order. */
        final Map<String, AdjustmentViewRepository.Proposed> proposed = new LinkedHashMap<>();
        final List<AdjustmentViewRepository.Decided> decided = new ArrayList<>();
    }

    /**
     * Proposals first: one and its decision may share a batch. Each takes its event's own position from the event
     * store (the token's is the highest seen so far when the event filled a gap), so a rebuilt list has the same order.
     */
    private void flush(Batch batch) {
        Map<String, Long> positions = eventPositions.of(batch.proposed.keySet());
        List<AdjustmentViewRepository.Proposed> proposals = new ArrayList<>();
        batch.proposed.forEach((eventId, proposal) ->
                proposals.add(proposal.at(positions.getOrDefault(eventId, proposal.position()))));
        adjustments.insert(proposals);
        adjustments.decide(batch.decided);
    }

    /** A replay rebuilds the view from the first event, so it starts from an empty one. */
    @ResetHandler
    void reset() {
        adjustments.clear();
    }
}
