package com.mizani.provider.mpesa.outbound;

import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.Evidence;
import com.mizani.kernel.payment.Msisdn;
import com.mizani.kernel.payment.ProviderResult;
import com.mizani.saga.provider.ProviderGateway;
import com.mizani.saga.provider.SubmitAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The provider gateway over Daraja's HTTP API. Its one rule: an answer it did not clearly get is
 * {@link SubmitAnswer.Unknown}, never a failure, because the provider may have acted on a request whose answer was
 * lost. Only a 4xx answer (the provider read the request and refused it) is a refusal.
 */
public class DarajaGateway implements ProviderGateway {

    private static final Logger log = LoggerFactory.getLogger(DarajaGateway.class);
    private static final DateTimeFormatter STK_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneId.of("Africa/Nairobi"));
    /** The STK query's "the customer has not answered yet". */
    private static final String STILL_PROCESSING = "500.001.1001";

    private final DarajaClient client;
    private final ProviderProperties properties;
    private final CallbackUrls callbacks;
    private final Clock clock;

    DarajaGateway(DarajaClient client, ProviderProperties properties, CallbackUrls callbacks, Clock clock) {
        this.client = client;
        this.properties = properties;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    @Override
    public SubmitAnswer requestPayout(UUID paymentId, Money amount, Msisdn msisdn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("OriginatorConversationID", paymentId.toString());
        body.put("InitiatorName", properties.initiatorName());
        body.put("SecurityCredential", properties.securityCredential());
        body.put("CommandID", "BusinessPayment");
        body.put("Amount", wholeShillings(amount));
        body.put("PartyA", properties.shortCode());
        body.put("PartyB", msisdn.value());
        body.put("Remarks", "withdrawal");
        body.put("QueueTimeOutURL", callbacks.b2cTimeout());
        body.put("ResultURL", callbacks.b2cResult());
        body.put("Occasion", "");
        return submit("/mpesa/b2c/v3/paymentrequest", body, "ConversationID", paymentId);
    }

    @Override
    public boolean requestPayoutStatus(UUID paymentId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Initiator", properties.initiatorName());
        body.put("SecurityCredential", properties.securityCredential());
        body.put("CommandID", "TransactionStatusQuery");
        body.put("TransactionID", "");
        body.put("OriginatorConversationID", paymentId.toString());
        body.put("PartyA", properties.shortCode());
        body.put("IdentifierType", "4");
        body.put("ResultURL", callbacks.statusResult());
        body.put("QueueTimeOutURL", callbacks.statusTimeout());
        body.put("Remarks", "status");
        body.put("Occasion", "");
        return acknowledged("/mpesa/transactionstatus/v1/query", body, "status query for payment " + paymentId);
    }

    @Override
    public SubmitAnswer requestStkPush(UUID paymentId, Money amount, Msisdn msisdn) {
        String timestamp = STK_TIMESTAMP.format(clock.instant());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("BusinessShortCode", properties.shortCode());
        body.put("Password", stkPassword(timestamp));
        body.put("Timestamp", timestamp);
        body.put("TransactionType", "CustomerPayBillOnline");
        body.put("Amount", wholeShillings(amount));
        body.put("PartyA", msisdn.value());
        body.put("PartyB", properties.shortCode());
        body.put("PhoneNumber", msisdn.value());
        body.put("CallBackURL", callbacks.stkCallback(paymentId));
        body.put("AccountReference", "Mizani");
        body.put("TransactionDesc", "deposit");
        return submit("/mpesa/stkpush/v1/processrequest", body, "CheckoutRequestID", paymentId);
    }

    @Override
    public ProviderResult queryStkPush(UUID paymentId, String checkoutRequestId) {
        String timestamp = STK_TIMESTAMP.format(clock.instant());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("BusinessShortCode", properties.shortCode());
        body.put("Password", stkPassword(timestamp));
        body.put("Timestamp", timestamp);
        body.put("CheckoutRequestID", checkoutRequestId);
        try {
            DarajaClient.Response response = client.post("/mpesa/stkpushquery/v1/query", body);
            String resultCode = response.body().path("ResultCode").asText("");
            String description = response.body().path("ResultDesc").asText(response.body().path("errorMessage").asText(""));
            if (response.ok() && resultCode.equals("0")) {
                return result(ProviderResult.Outcome.PAID, resultCode, description, checkoutRequestId);
            }
            if (response.ok() && resultCode.matches("\\d+")) {
                return result(ProviderResult.Outcome.NOT_PAID, resultCode, description, checkoutRequestId);
            }
            String code = response.body().path("errorCode").asText(String.valueOf(response.status()));
            if (!STILL_PROCESSING.equals(code)) {
                log.warn("STK query for payment {} answered HTTP {} {}", paymentId, response.status(), code);
            }
            return result(ProviderResult.Outcome.UNKNOWN, code, description, checkoutRequestId);
        } catch (IOException e) {
            return result(ProviderResult.Outcome.UNKNOWN, "", "the STK query did not get through: " + e, checkoutRequestId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return result(ProviderResult.Outcome.UNKNOWN, "", "interrupted", checkoutRequestId);
        }
    }

    /** Tells the provider where to confirm pay-bill payments; harmless to repeat. */
    public boolean registerC2bUrls() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ShortCode", properties.shortCode());
        body.put("ResponseType", "Completed");
        body.put("ConfirmationURL", callbacks.c2bConfirmation());
        body.put("ValidationURL", callbacks.c2bValidation());
        return acknowledged("/mpesa/c2b/v1/registerurl", body, "C2B URL registration");
    }

    /** Posts a request whose answer comes later (or not at all); true if the provider acknowledged it. */
    private boolean acknowledged(String path, Map<String, Object> body, String what) {
        try {
            DarajaClient.Response response = client.post(path, body);
            if (!response.ok()) {
                log.warn("{} answered HTTP {}: {}", what, response.status(), response.body());
            }
            return response.ok();
        } catch (IOException e) {
            log.warn("{} did not get through: {}", what, e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private SubmitAnswer submit(String path, Map<String, Object> body, String referenceField, UUID paymentId) {
        try {
            DarajaClient.Response response = client.post(path, body);
            if (response.ok() && "0".equals(response.body().path("ResponseCode").asText())) {
                return new SubmitAnswer.Accepted(response.body().path(referenceField).asText());
            }
            if (response.status() >= 400 && response.status() < 500) {
                return new SubmitAnswer.Refused(response.body().path("errorCode").asText(String.valueOf(response.status())),
                        response.body().path("errorMessage").asText("HTTP " + response.status()));
            }
            return new SubmitAnswer.Unknown("HTTP " + response.status() + " from the provider");
        } catch (HttpTimeoutException e) {
            return new SubmitAnswer.Unknown("no answer within " + properties.requestTimeoutMs() + " ms");
        } catch (IOException e) {
            log.warn("request for payment {} to {} failed: {}", paymentId, path, e.toString());
            return new SubmitAnswer.Unknown("connection failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SubmitAnswer.Unknown("interrupted while waiting for the provider");
        }
    }

    private String stkPassword(String timestamp) {
        return Base64.getEncoder().encodeToString((properties.shortCode() + properties.stkPasskey() + timestamp)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static long wholeShillings(Money amount) {
        return amount.amountMinor() / amount.currency().minorUnitsPerMajor();
    }

    private static ProviderResult result(ProviderResult.Outcome outcome, String code, String description, String reference) {
        return new ProviderResult(Evidence.STATUS_QUERY, outcome, code, description, null, null, null, reference);
    }
}
