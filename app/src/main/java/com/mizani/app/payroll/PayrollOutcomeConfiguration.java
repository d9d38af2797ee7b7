package com.mizani.app.payroll;

import com.mizani.saga.payroll.PayrollPayoutSaga;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The payroll outcomes' processing group ({@link PayrollPayoutSaga}) starts at the first event of the store, not at
 * its head, which Axon may choose for a saga's processor. On a store that already holds payroll payouts (the group
 * was part of the payment sagas' before), starting at the head would miss the outcomes of payouts that ended while
 * no node ran this group; from the first event it goes over every earlier payout once, which changes nothing: a saga
 * that exists takes its start event again, and an outcome already recorded is a no-op on the job.
 */
@Configuration(proxyBeanMethods = false)
public class PayrollOutcomeConfiguration {

    @Bean
    public ConfigurerModule payrollOutcomesStartAtTheFirstEvent() {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                PayrollPayoutSaga.PROCESSING_GROUP,
                (configuration, builder) -> builder.initialToken(StreamableMessageSource::createTailToken));
    }
}
