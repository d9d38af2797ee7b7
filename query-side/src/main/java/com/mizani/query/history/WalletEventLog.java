package com.mizani.query.history;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A wallet's events straight from the event store, the ledger itself: no projection and no snapshot is involved,
 * so what is computed from them is independent of every read model.
 */
@Component
public class WalletEventLog {

    private final EventStore eventStore;

    public WalletEventLog(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Every event of the wallet in its order; 404 when the wallet has none. */
    public List<DomainEventMessage<?>> eventsOf(UUID walletId) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        // From sequence 0 explicitly: the one-argument readEvents starts from the latest snapshot.
        eventStore.readEvents(walletId.toString(), 0).forEachRemaining(events::add);
        if (events.isEmpty()) {
            throw new MizaniException(ErrorCode.WALLET_NOT_FOUND, "wallet " + walletId + " does not exist");
        }
        return events;
    }
}
