package com.mizani.axon;

import com.mizani.kernel.error.MizaniException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Carries a refusal's error code across the command bus. A remote bus (Axon Server) delivers only an
 * exception's message and "details", so the code travels as the details of a CommandExecutionException.
 */
public class RefusalCodeInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (MizaniException refusal) {
            throw new CommandExecutionException(refusal.getMessage(), refusal, refusal.code());
        }
    }
}
