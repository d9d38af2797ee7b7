package com.mizani.query.fx;

import com.mizani.kernel.fx.FxQuoteExpiredEvent;
import com.mizani.kernel.fx.FxQuoteIssuedEvent;
import com.mizani.kernel.fx.FxQuoteUsedEvent;
import com.mizani.query.support.ProjectionBatch;
import com.mizani.query.transfer.TransferProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * FX quotes for GET /fx/quotes/{id}. In the transfers' processing group: a quote is read with the transfers that use
 * it, and a read that waits for one waits for the other.
 */
@Component
@ProcessingGroup(TransferProjection.PROCESSING_GROUP)
public class FxQuoteProjection {

    private final FxQuoteViewRepository quotes;

    public FxQuoteProjection(FxQuoteViewRepository quotes) {
        this.quotes = quotes;
    }

    @EventHandler
    void on(FxQuoteIssuedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        batch().issued.add(new FxQuoteViewRepository.Issued(event, at, sequence));
    }

    @EventHandler
    void on(FxQuoteUsedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        batch().changed.add(FxQuoteViewRepository.Changed.used(event, at, sequence));
    }

    @EventHandler
    void on(FxQuoteExpiredEvent event, @SequenceNumber long sequence) {
        batch().changed.add(FxQuoteViewRepository.Changed.expired(event, sequence));
    }

    private Batch batch() {
        return ProjectionBatch.current(FxQuoteProjection.class.getName(), Batch::new, this::flush);
    }

    private static final class Batch {
        final List<FxQuoteViewRepository.Issued> issued = new ArrayList<>();
        final List<FxQuoteViewRepository.Changed> changed = new ArrayList<>();
    }

    private void flush(Batch batch) {
        quotes.insert(batch.issued);
        quotes.change(batch.changed);
    }

    /** A replay of the transfers group rebuilds the quotes too, from the first event. */
    @ResetHandler
    void reset() {
        quotes.clear();
    }
}
