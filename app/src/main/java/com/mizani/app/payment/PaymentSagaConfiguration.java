package com.mizani.app.payment;

import com.mizani.saga.payment.PaymentTimings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the payment sagas are given: their timings. */
@Configuration(proxyBeanMethods = false)
public class PaymentSagaConfiguration {

    @Bean
    public PaymentTimings paymentTimings(PaymentDeadlineProperties properties) {
        return properties.timings();
    }
}
