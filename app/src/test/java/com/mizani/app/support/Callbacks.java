package com.mizani.app.support;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Posts provider callbacks as the provider would: signed, or deliberately not. */
public final class Callbacks {

    /** The callback secret of application.yml's development default, which the tests run with. */
    public static final String SECRET = "change-me-callback-secret";

    private Callbacks() {
    }

    public static String sign(String body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Posts as the provider does: with no bearer token, only the body's HMAC. */
    public static Api.Response post(Api api, String path, String body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri("/api/v1/providers/mpesa" + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Mizani-Signature", signature);
        }
        return api.anonymous().send(request);
    }

    /** A B2C result for {@code paymentId} saying it paid {@code shillings} to {@code msisdn}. */
    public static String b2cSuccess(String paymentId, long shillings, String msisdn) {
        return """
                {"Result":{"ResultType":0,"ResultCode":0,"ResultDesc":"The service request is processed successfully.",
                "OriginatorConversationID":"%s","ConversationID":"AG_TEST","TransactionID":"TESTRCPT01",
                "ResultParameters":{"ResultParameter":[{"Key":"TransactionAmount","Value":%d},
                {"Key":"TransactionReceipt","Value":"TESTRCPT01"},{"Key":"ReceiverPartyPublicName","Value":"%s - Test"}]}}}"""
                .formatted(paymentId, shillings, msisdn);
    }
}
