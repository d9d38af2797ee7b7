package com.mizani.kernel.payment;

import com.mizani.kernel.money.Money;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A customer paid into our pay bill; {@code paymentId} is derived from the provider's TransID, so a replayed notification finds the payment it created. */
public record RecordC2bConfirmationCommand(@TargetAggregateIdentifier UUID paymentId, String transId,
                                           String billReference, Money amount, String payer) {
    public RecordC2bConfirmationCommand {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(transId, "transId");
        Objects.requireNonNull(billReference, "billReference");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(payer, "payer");
    }
}
