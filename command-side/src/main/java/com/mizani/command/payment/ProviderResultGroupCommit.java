package com.mizani.command.payment;

import com.mizani.command.support.ApiLimits;
import com.mizani.command.support.CommandSender;
import com.mizani.command.support.GroupCommit;
import com.mizani.command.support.RequestMetaData;
import com.mizani.kernel.payment.ApplyProviderResultCommand;
import com.mizani.kernel.payment.PaymentOutcome;
import com.mizani.kernel.payment.ProviderResults;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Group commit for the provider's callbacks ({@link GroupCommit}): results that arrive at the same moment are
 * applied together, up to {@code mizani.api.callback-group-max-items} on each of {@code callback-group-lanes} lanes,
 * each group in one unit of work and one database transaction ({@link ProviderResultGroupHandler}). Without it, the
 * settlements of a payroll's payouts took the source wallet's lock and committed one by one, about 30 a second on the
 * box of docs/benchmarks.md, and their callbacks queued for minutes. The lanes send as callbacks do, within the
 * callbacks' share of the command slots.
 */
@Component
public class ProviderResultGroupCommit implements ProviderResults, DisposableBean {

    private final GroupCommit<ApplyProviderResultCommand, PaymentOutcome> groups;

    public ProviderResultGroupCommit(CommandSender commands, RequestMetaData requestMetaData, ApiLimits limits,
                                     MeterRegistry meters) {
        this.groups = new GroupCommit<>("callbacks", limits.callbackGroupLanes(), limits.callbackGroupMaxItems(), 0,
                new GroupCommit.Carrier<>() {
                    @Override
                    public List<GroupCommit.Result<PaymentOutcome>> together(
                            List<CommandMessage<ApplyProviderResultCommand>> group) {
                        List<PaymentOutcome> outcomes = commands.sendCallback(new ProviderResultGroupCommand(group));
                        return outcomes.stream().map(GroupCommit.Result::of).toList();
                    }

                    @Override
                    public PaymentOutcome alone(CommandMessage<ApplyProviderResultCommand> result) {
                        return commands.sendCallback(result);
                    }
                }, requestMetaData, meters);
    }

    @Override
    public PaymentOutcome apply(ApplyProviderResultCommand result) {
        return groups.carryOut(result);
    }

    @Override
    public void destroy() {
        groups.stop();
    }
}
