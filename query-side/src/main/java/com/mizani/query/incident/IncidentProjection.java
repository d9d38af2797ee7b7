package com.mizani.query.incident;

import com.mizani.kernel.payment.IncidentCorrectionProposedEvent;
import com.mizani.kernel.payment.IncidentCorrectionRejectedEvent;
import com.mizani.kernel.payment.IncidentResolvedEvent;
import com.mizani.kernel.payment.PaymentContradictedEvent;
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
 * Every incident (a definitive provider message contradicting a final payment) as it stands, for the operators who
 * judge it. A processing group of its own, so this view is rebuilt, and falls behind on a failure, without touching
 * the payments'. Idempotent: a contradiction is taken once per incident and sequence, and a proposal, rejection or
 * resolution applies only over an older state of its row (the payment's sequence orders them). Writes are collected
 * per event batch ({@link ProjectionBatch}).
 */
@Component
@ProcessingGroup(IncidentProjection.PROCESSING_GROUP)
public class IncidentProjection {

    public static final String PROCESSING_GROUP = "incidents";

    private final IncidentViewRepository incidents;
    private final IncidentHistoryRepository histories;
    private final EventPositions eventPositions;

    public IncidentProjection(IncidentViewRepository incidents, IncidentHistoryRepository histories,
                              EventPositions eventPositions) {
        this.incidents = incidents;
        this.histories = histories;
        this.eventPositions = eventPositions;
    }

    @EventHandler
    void on(PaymentContradictedEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MessageIdentifier String eventId, TrackingToken token) {
        batch().contradicted.put(eventId, new Contradiction(event, IncidentViewRepository.Contradicted.of(event,
                sequence, at, token.position().orElseThrow(
                        () -> new IllegalStateException("payment events must come from a stream with positions")))));
    }

    @EventHandler
    void on(IncidentCorrectionProposedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        batch().proposed.add(IncidentViewRepository.Proposed.of(event, sequence, at));
    }

    @EventHandler
    void on(IncidentCorrectionRejectedEvent event, @SequenceNumber long sequence) {
        batch().rejected.add(IncidentViewRepository.Rejected.of(event, sequence));
    }

    @EventHandler
    void on(IncidentResolvedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        batch().resolved.add(IncidentViewRepository.Resolved.of(event, sequence, at));
    }

    private Batch batch() {
        return ProjectionBatch.current(IncidentProjection.class.getName(), Batch::new, this::flush);
    }

    private record Contradiction(PaymentContradictedEvent event, IncidentViewRepository.Contradicted row) {
    }

    private static final class Batch {
        /** By event id, in the batch's order. */
        final Map<String, Contradiction> contradicted = new LinkedHashMap<>();
        final List<IncidentViewRepository.Proposed> proposed = new ArrayList<>();
        final List<IncidentViewRepository.Rejected> rejected = new ArrayList<>();
        final List<IncidentViewRepository.Resolved> resolved = new ArrayList<>();
    }

    /**
     * Contradictions first (they open the rows the rest update), then the history of each incident opened, then the
     * corrections. A correction's statements may run in another order than its events (a rejection after the next
     * proposal): each row's version keeps only the newest. Each contradiction takes its event's own position from the
     * event store (the token's is the highest seen so far when the event filled a gap), so a rebuilt list has the
     * same order.
     */
    private void flush(Batch batch) {
        Map<String, Long> positions = eventPositions.of(batch.contradicted.keySet());
        List<IncidentViewRepository.Contradicted> contradictions = new ArrayList<>();
        List<IncidentHistoryRepository.Carried> carried = new ArrayList<>();
        batch.contradicted.forEach((eventId, contradiction) -> {
            IncidentViewRepository.Contradicted row =
                    contradiction.row().at(positions.getOrDefault(eventId, contradiction.row().position()));
            contradictions.add(row);
            carried.add(new IncidentHistoryRepository.Carried(row.incidentId(), row.position(),
                    contradiction.event().history()));
        });
        incidents.contradict(contradictions);
        histories.insert(carried);
        incidents.propose(batch.proposed);
        incidents.reject(batch.rejected);
        incidents.resolve(batch.resolved);
    }

    /** A replay rebuilds the view from the first event, so it starts from an empty one. */
    @ResetHandler
    void reset() {
        incidents.clear();
        histories.clear();
    }
}
