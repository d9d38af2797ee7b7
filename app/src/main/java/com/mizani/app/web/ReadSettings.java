package com.mizani.app.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How reads of the projections wait for the writes answered before them.
 *
 * @param readWaitMs how long a read waits for its projections to catch up before answering 503 READ_MODEL_BEHIND
 */
@ConfigurationProperties("mizani.api")
public record ReadSettings(@DefaultValue("5000") long readWaitMs) {
}
