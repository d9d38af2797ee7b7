package com.mizani.command.fx;

import com.mizani.command.support.IdempotentCreation;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.fx.ConsumeFxQuoteCommand;
import com.mizani.kernel.fx.FxQuoteExpiredEvent;
import com.mizani.kernel.fx.FxQuoteIssuedEvent;
import com.mizani.kernel.fx.FxQuoteOutcome;
import com.mizani.kernel.fx.FxQuoteStatus;
import com.mizani.kernel.fx.FxQuoteUsedEvent;
import com.mizani.kernel.fx.FxTerms;
import com.mizani.kernel.fx.IssueFxQuoteCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One FX quote: a price locked for a short time, for the principal that asked, usable by one transfer only. Its id
 * comes from the caller's idempotency key, so it is its own idempotency record. Being an aggregate makes "used at
 * most once" the aggregate's own rule: two transfers racing on one quote are serialized on it, and the second finds
 * it USED. Expiry is decided by the clock when a transfer comes; the persistent deadline only records it, so that
 * the quote's view says EXPIRED even if nobody tries it.
 */
@Aggregate
public class FxQuote {

    static final String EXPIRY = "fx-quote-expiry";

    @AggregateIdentifier
    private UUID quoteId;
    private String principal;
    private FxTerms terms;
    private Instant rateAsOf;
    private String rateSource;
    private Instant issuedAt;
    private Instant expiresAt;
    private String requestHash;
    private FxQuoteStatus status;
    private UUID transferId;
    private Instant usedAt;

    protected FxQuote() {
        // Required by Axon to rebuild the quote from its events.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    FxQuoteOutcome handle(IssueFxQuoteCommand command, DeadlineManager deadlines) {
        if (quoteId != null) {
            IdempotentCreation.requireSamePayload(requestHash, command.requestHash(), "quote");
            return outcome();
        }
        apply(new FxQuoteIssuedEvent(command.quoteId(), command.principal(), command.terms(), command.rateAsOf(),
                command.rateSource(), command.expiresAt(), command.requestHash()));
        deadlines.schedule(command.expiresAt(), EXPIRY);
        return outcome();
    }

    /**
     * Consumes the quote for a transfer, or refuses: another principal's quote, other currencies or another amount
     * (QUOTE_MISMATCH, before anything else is told), a quote used already (QUOTE_USED), or one whose time is up (QUOTE_EXPIRED). The same transfer
     * asking again (its unit of work retried) gets the quote again.
     */
    @CommandHandler
    FxQuoteOutcome handle(ConsumeFxQuoteCommand command) {
        // First, so that another principal learns nothing of the quote's state.
        if (!principal.equals(command.principal())) {
            throw new MizaniException(ErrorCode.QUOTE_MISMATCH, "quote %s was issued to another principal".formatted(quoteId));
        }
        if (status == FxQuoteStatus.USED) {
            if (command.transferId().equals(transferId)) {
                return outcome();
            }
            throw new MizaniException(ErrorCode.QUOTE_USED,
                    "quote %s was used by transfer %s".formatted(quoteId, transferId));
        }
        if (!terms.source().equals(command.source()) || terms.destination().currency() != command.destinationCurrency()) {
            throw new MizaniException(ErrorCode.QUOTE_MISMATCH,
                    "quote %s converts %s to %s; the transfer moves %s to a %s wallet".formatted(quoteId,
                            terms.source(), terms.destination().currency(), command.source(),
                            command.destinationCurrency()));
        }
        if (status == FxQuoteStatus.EXPIRED || !Instant.now().isBefore(expiresAt)) {
            throw new MizaniException(ErrorCode.QUOTE_EXPIRED, "quote %s expired at %s".formatted(quoteId, expiresAt));
        }
        apply(new FxQuoteUsedEvent(quoteId, command.transferId(), command.principal()));
        return outcome();
    }

    @DeadlineHandler(deadlineName = EXPIRY)
    void expire() {
        if (status == FxQuoteStatus.ACTIVE) {
            apply(new FxQuoteExpiredEvent(quoteId));
        }
    }

    private FxQuoteOutcome outcome() {
        return new FxQuoteOutcome(quoteId, principal, terms, status, issuedAt, expiresAt, rateAsOf, rateSource,
                transferId, usedAt);
    }

    @EventSourcingHandler
    void on(FxQuoteIssuedEvent event, @Timestamp Instant at) {
        quoteId = event.quoteId();
        principal = event.principal();
        terms = event.terms();
        rateAsOf = event.rateAsOf();
        rateSource = event.rateSource();
        expiresAt = event.expiresAt();
        requestHash = event.requestHash();
        issuedAt = at;
        status = FxQuoteStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(FxQuoteUsedEvent event, @Timestamp Instant at) {
        status = FxQuoteStatus.USED;
        transferId = event.transferId();
        usedAt = at;
    }

    @EventSourcingHandler
    void on(FxQuoteExpiredEvent event) {
        status = FxQuoteStatus.EXPIRED;
    }
}
