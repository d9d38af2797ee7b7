package com.mizani.app.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param maxBodyBytes the largest request body accepted */
@ConfigurationProperties("mizani.web")
public record WebLimits(@DefaultValue("16384") long maxBodyBytes) {
}
