package com.mizani.kernel.wallet;

import com.mizani.kernel.fx.FxLeg;
import com.mizani.kernel.ledger.PostingKind;
import com.mizani.kernel.money.Money;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Spends a reservation: each capture is a debit of the held balance against its contra account, and together they must add up to the reservation exactly. */
public record CaptureReservationCommand(@TargetAggregateIdentifier UUID walletId, UUID reservationId,
                                        List<Capture> captures) {
    public CaptureReservationCommand {
        Objects.requireNonNull(walletId, "walletId");
        Objects.requireNonNull(reservationId, "reservationId");
        captures = List.copyOf(captures);
        if (captures.isEmpty()) {
            throw new IllegalArgumentException("a capture needs at least one posting");
        }
    }

    /**
     * One posting out of the held money: {@code amount} to {@code contraAccount}, for {@code kind}; {@code fx} when it
     * is a leg of a conversion, null otherwise.
     */
    public record Capture(Money amount, PostingKind kind, String contraAccount, FxLeg fx) {

        public Capture(Money amount, PostingKind kind, String contraAccount) {
            this(amount, kind, contraAccount, null);
        }

        public Capture {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(contraAccount, "contraAccount");
            if (amount.amountMinor() <= 0) {
                throw new IllegalArgumentException("amount must be positive");
            }
        }
    }
}
