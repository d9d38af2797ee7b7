package com.mizani.app.audit;

import com.mizani.command.support.RequestMetaData;
import org.springframework.stereotype.Component;

import java.util.Map;

/** The request's actor and roles, as {@link ActorStampingInterceptor} stamps them on a message dispatched in it. */
@Component
class RequestActorMetaData implements RequestMetaData {

    @Override
    public Map<String, ?> current() {
        return ActorFilter.current().map(ActorStampingInterceptor::metaData).orElse(Map.of());
    }
}
