package com.mizani.app.reconciliation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param intervalMs how often the provider's settlement account is reconciled with the provider's statement */
@ConfigurationProperties("mizani.reconciliation")
public record ReconciliationSettings(@DefaultValue("60000") long intervalMs) {
    public ReconciliationSettings {
        if (intervalMs < 1) {
            throw new IllegalArgumentException("mizani.reconciliation.interval-ms must be positive");
        }
    }
}
