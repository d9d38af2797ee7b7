package com.mizani.provider.mpesa.outbound;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how to reach the mobile-money provider (Daraja API shapes).
 *
 * @param baseUrl            the provider's base URL; empty starts the embedded simulator in local mode and uses it
 * @param callbackBaseUrl    the base URL the provider calls back; empty means this app on 127.0.0.1 and its port
 * @param consumerKey        OAuth consumer key
 * @param consumerSecret     OAuth consumer secret
 * @param shortCode          our B2C / pay bill short code (PartyA, BusinessShortCode)
 * @param initiatorName      the B2C API operator
 * @param securityCredential the initiator's encrypted credential
 * @param stkPasskey         the Lipa na M-Pesa passkey that, with the short code and time, makes the STK password
 * @param connectTimeoutMs   TCP connect timeout of provider calls
 * @param requestTimeoutMs   how long a provider call may take before its outcome counts as unknown
 * @param simulatorPort      the embedded simulator's port (0: any free port)
 * @param simulatorSeed      seeds the embedded simulator's faults and ids
 */
@ConfigurationProperties("mizani.provider")
public record ProviderProperties(@DefaultValue("") String baseUrl,
                                 @DefaultValue("") String callbackBaseUrl,
                                 @DefaultValue("mizani") String consumerKey,
                                 @DefaultValue("mizani-secret") String consumerSecret,
                                 @DefaultValue("600996") String shortCode,
                                 @DefaultValue("apiop") String initiatorName,
                                 @DefaultValue("simulated-credential") String securityCredential,
                                 @DefaultValue("simulated-passkey") String stkPasskey,
                                 @DefaultValue("2000") long connectTimeoutMs,
                                 @DefaultValue("10000") long requestTimeoutMs,
                                 @DefaultValue("8090") int simulatorPort,
                                 @DefaultValue("42") long simulatorSeed) {
}
