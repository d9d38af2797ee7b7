package com.mizani.providersim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The C2B bodies in the exact shapes of daraja.md, including Daraja's misspelt {@code OriginatorCoversationID}. */
final class C2bBodies {

    static final String REGISTERED = "Success";
    private static final DateTimeFormatter TRANS_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneId.of("Africa/Nairobi"));

    private C2bBodies() {
    }

    static ObjectNode acknowledgement(String originatorCoversationId, String description) {
        ObjectNode ack = Json.object();
        ack.put("OriginatorCoversationID", originatorCoversationId);
        ack.put("ResponseCode", "0");
        ack.put("ResponseDescription", description);
        return ack;
    }

    /** The confirmation POSTed to the ConfirmationURL. Daraja sends every value here as a string. */
    static ObjectNode confirmation(C2bPayment payment) {
        ObjectNode body = Json.object();
        body.put("TransactionType", payment.transactionType());
        body.put("TransID", payment.transId());
        body.put("TransTime", TRANS_TIME.format(payment.time()));
        body.put("TransAmount", String.valueOf(payment.amount()));
        body.put("BusinessShortCode", payment.shortCode());
        body.put("BillRefNumber", payment.billRefNumber());
        body.put("InvoiceNumber", "");
        body.put("OrgAccountBalance", Money.kes(payment.balanceAfterMinor()));
        body.put("ThirdPartyTransID", "");
        body.put("MSISDN", masked(payment.msisdn()));
        body.put("FirstName", payment.firstName());
        return body;
    }

    /** {@code 254708374126} becomes {@code 2547 ***** 126}, as Daraja hides the payer's number. */
    static String masked(String msisdn) {
        return msisdn.substring(0, 4) + " ***** " + msisdn.substring(msisdn.length() - 3);
    }
}
