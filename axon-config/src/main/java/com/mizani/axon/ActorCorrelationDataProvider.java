package com.mizani.axon;

import com.mizani.kernel.audit.AuditMetadata;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * Carries "on whose behalf" and "by which command" from the message being handled into every message its handling
 * produces. Axon's {@code MessageOriginProvider} already answers "caused by which message"; together they let an
 * auditor read who, why and what from the events alone. A saga or deadline keeps the actor of the event that woke
 * it, so a payout's status query still names the client who asked for the payout.
 */
public class ActorCorrelationDataProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        data.put(AuditMetadata.ACTOR, message.getMetaData().getOrDefault(AuditMetadata.ACTOR, AuditMetadata.SYSTEM));
        Object roles = message.getMetaData().get(AuditMetadata.ROLES);
        if (roles != null) {
            data.put(AuditMetadata.ROLES, roles);
        }
        if (message instanceof CommandMessage<?> command) {
            data.put(AuditMetadata.COMMAND, simpleName(command.getCommandName()));
        }
        return data;
    }

    private static String simpleName(String commandName) {
        return commandName.substring(commandName.lastIndexOf('.') + 1);
    }
}
