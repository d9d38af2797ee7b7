package com.mizani.app.replay;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param progressLogMs how often a running projection replay logs its progress */
@ConfigurationProperties("mizani.replay")
public record ReplaySettings(@DefaultValue("5000") long progressLogMs) {
    public ReplaySettings {
        if (progressLogMs < 1) {
            throw new IllegalArgumentException("mizani.replay.progress-log-ms must be positive");
        }
    }
}
