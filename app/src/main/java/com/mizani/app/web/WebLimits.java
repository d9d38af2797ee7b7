package com.mizani.app.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxBodyBytes      the largest request body accepted
 * @param maxBatchBodyBytes the largest body of {@code POST /api/v1/transfers/batch}, which needs more
 * @param maxPayrollBodyBytes the largest body of {@code POST /api/v1/payroll/jobs}, which needs the most: 100,000 items
 */
@ConfigurationProperties("mizani.web")
public record WebLimits(@DefaultValue("16384") long maxBodyBytes,
                        @DefaultValue("1048576") long maxBatchBodyBytes,
                        @DefaultValue("16777216") long maxPayrollBodyBytes) {
}
