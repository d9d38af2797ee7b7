package com.mizani.app.security;

import com.mizani.kernel.adjustment.AdjustmentProposedEvent;
import com.mizani.kernel.payment.C2bPaymentReceivedEvent;
import com.mizani.kernel.payment.DepositRequestedEvent;
import com.mizani.kernel.payment.MobileDepositRequestedEvent;
import com.mizani.kernel.payment.WithdrawalRequestedEvent;
import com.mizani.kernel.transfer.TransferRequestedEvent;
import com.mizani.kernel.wallet.WalletOpenedEvent;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Whose a wallet, a transfer or a payment is, read from the first event of its aggregate in the event store: that
 * event is written in the same transaction that creates the thing, so a customer can act on a wallet the moment its
 * POST answered, without waiting for any projection. Owners never change, so answers are remembered (a bounded
 * number of them); "not found" is not remembered, because the thing may be created a moment later.
 */
@Component
public class Ownership {

    private static final int REMEMBERED = 100_000;

    private final EventStore events;
    private final Map<UUID, Set<UUID>> ownersById = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Set<UUID>> eldest) {
            return size() > REMEMBERED;
        }
    });

    public Ownership(EventStore events) {
        this.events = events;
    }

    /** The owner of a wallet, if the wallet exists. */
    public Optional<UUID> ownerOfWallet(UUID walletId) {
        return owners(walletId, Kind.WALLET).stream().findFirst();
    }

    /**
     * The owners of the wallets a transfer, payment or adjustment moves money of (a transaction id is the id of one of
     * them): the source and destination of a transfer, the wallet of a payment. Empty if it does not exist or names
     * no wallet (a C2B payment parked for review).
     */
    public Set<UUID> ownersOfTransaction(UUID transactionId) {
        return owners(transactionId, Kind.TRANSACTION);
    }

    private enum Kind { WALLET, TRANSACTION }

    private Set<UUID> owners(UUID aggregateId, Kind kind) {
        Set<UUID> remembered = ownersById.get(aggregateId);
        if (remembered != null) {
            return remembered;
        }
        Object first = firstEvent(aggregateId);
        Set<UUID> owners = switch (kind) {
            case WALLET -> first instanceof WalletOpenedEvent opened ? Set.of(opened.ownerId()) : Set.of();
            case TRANSACTION -> walletsNamedBy(first).stream()
                    .map(this::ownerOfWallet)
                    .flatMap(Optional::stream)
                    .collect(Collectors.toUnmodifiableSet());
        };
        if (!owners.isEmpty()) {
            ownersById.put(aggregateId, owners);
        }
        return owners;
    }

    private Object firstEvent(UUID aggregateId) {
        DomainEventStream stream = events.readEvents(aggregateId.toString(), 0L);
        return stream.hasNext() ? stream.next().getPayload() : null;
    }

    private static Set<UUID> walletsNamedBy(Object firstEvent) {
        Stream<UUID> wallets = switch (firstEvent) {
            case TransferRequestedEvent transfer -> Stream.of(transfer.sourceWalletId(), transfer.destinationWalletId());
            case WithdrawalRequestedEvent payout -> Stream.of(payout.walletId());
            case DepositRequestedEvent deposit -> Stream.of(deposit.walletId());
            case MobileDepositRequestedEvent deposit -> Stream.of(deposit.walletId());
            case C2bPaymentReceivedEvent deposit -> Stream.of(deposit.walletId());
            case AdjustmentProposedEvent adjustment -> Stream.of(adjustment.walletId());
            case null, default -> Stream.empty();
        };
        return wallets.filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
    }
}
