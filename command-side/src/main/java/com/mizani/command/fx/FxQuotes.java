package com.mizani.command.fx;

import com.mizani.command.support.Causes;
import com.mizani.command.support.Refusals;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.fx.ConsumeFxQuoteCommand;
import com.mizani.kernel.fx.FxQuoteOutcome;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Uses a quote from inside a transfer's unit of work, as {@code WalletLegs} moves its wallets: the quote is consumed
 * in the same transaction as the transfer's postings, or not at all. A refusal comes back as a value, for the
 * transfer to record.
 */
@Component
public class FxQuotes {

    private final CommandGateway commands;

    public FxQuotes(CommandGateway commands) {
        this.commands = commands;
    }

    /** The quote, consumed for the transfer, or the refusal (QUOTE_NOT_FOUND, _USED, _EXPIRED, _MISMATCH). */
    public Consumption consume(ConsumeFxQuoteCommand command) {
        try {
            return new Consumption(commands.<FxQuoteOutcome>sendAndWait(command), null);
        } catch (RuntimeException failure) {
            if (Causes.causedBy(failure, AggregateNotFoundException.class)) {
                return new Consumption(null, new MizaniException(ErrorCode.QUOTE_NOT_FOUND,
                        "quote " + command.quoteId() + " does not exist"));
            }
            ErrorCode code = Refusals.codeOf(failure).orElseThrow(() -> failure);
            return new Consumption(null, new MizaniException(code, Refusals.messageOf(failure)));
        }
    }

    /** Either the quote, now USED, or the refusal. */
    public record Consumption(FxQuoteOutcome quote, MizaniException refusal) {
    }
}
