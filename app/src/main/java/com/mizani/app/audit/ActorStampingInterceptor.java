package com.mizani.app.audit;

import com.mizani.kernel.audit.AuditMetadata;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Names the request's actor (and its roles) on a message dispatched while serving an HTTP request. A message that
 * already has an actor keeps it: one created inside a unit of work inherited its actor from the message being
 * handled.
 */
class ActorStampingInterceptor<M extends Message<?>> implements MessageDispatchInterceptor<M> {

    @Override
    @SuppressWarnings("unchecked")
    public BiFunction<Integer, M, M> handle(List<? extends M> messages) {
        return (index, message) -> message.getMetaData().containsKey(AuditMetadata.ACTOR)
                ? message
                : ActorFilter.current().map(actor -> (M) message.andMetaData(metaData(actor))).orElse(message);
    }

    static Map<String, Object> metaData(RequestActor actor) {
        Map<String, Object> data = new HashMap<>();
        data.put(AuditMetadata.ACTOR, actor.name());
        if (actor.roles() != null) {
            data.put(AuditMetadata.ROLES, actor.roles());
        }
        return data;
    }
}
