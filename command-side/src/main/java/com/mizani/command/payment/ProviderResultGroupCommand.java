package com.mizani.command.payment;

import com.mizani.kernel.payment.ApplyProviderResultCommand;
import org.axonframework.commandhandling.CommandMessage;

import java.util.List;

/**
 * Provider results applied together, in one unit of work and one database transaction
 * ({@link ProviderResultGroupHandler}). Each is the message its callback would have sent, with that callback's
 * metadata, so that it is handled and audited as its own conversation.
 */
record ProviderResultGroupCommand(List<CommandMessage<ApplyProviderResultCommand>> results) {
}
