package com.mizani.providersim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The STK push bodies in the exact shapes of daraja.md. Everything comes from the settled {@link StkPush}, so a
 * re-sent callback is the same bytes as the first one.
 */
final class StkBodies {

    static final String ACCEPTED = "Success. Request accepted for processing";
    static final String QUERY_ACCEPTED = "The service request has been accepted successsfully"; // sic, as Daraja spells it
    private static final DateTimeFormatter TRANSACTION_DATE =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneId.of("Africa/Nairobi"));

    private StkBodies() {
    }

    static ObjectNode acknowledgement(StkPush push) {
        ObjectNode ack = ids(push);
        ack.put("ResponseCode", "0");
        ack.put("ResponseDescription", ACCEPTED);
        ack.put("CustomerMessage", ACCEPTED);
        return ack;
    }

    /** {@code {"Body":{"stkCallback":{...}}}}: CallbackMetadata only when the customer paid. */
    static ObjectNode callback(StkPush push) {
        ObjectNode stkCallback = ids(push);
        stkCallback.put("ResultCode", push.resultCode());
        stkCallback.put("ResultDesc", ResultCodes.describe(push.resultCode()));
        if (push.status() == LedgerRecord.Status.RECEIVED) {
            ArrayNode items = stkCallback.putObject("CallbackMetadata").putArray("Item");
            // Daraja writes the amount with two decimals (1.00). A scale-2 DecimalNode serialises exactly so; going
            // through the node factory instead may strip the trailing zeros.
            items.addObject().put("Name", "Amount").set("Value", DecimalNode.valueOf(BigDecimal.valueOf(push.amount()).setScale(2)));
            items.addObject().put("Name", "MpesaReceiptNumber").put("Value", push.receipt());
            // Daraja sends Balance without a value.
            items.addObject().put("Name", "Balance");
            items.addObject().put("Name", "TransactionDate").put("Value", Long.parseLong(TRANSACTION_DATE.format(push.time())));
            items.addObject().put("Name", "PhoneNumber").put("Value", Long.parseLong(push.phoneNumber()));
        }
        ObjectNode body = Json.object();
        body.putObject("Body").set("stkCallback", stkCallback);
        return body;
    }

    /** The synchronous STK query answer; Daraja sends the ResultCode here as a string. */
    static ObjectNode queryAnswer(StkPush push) {
        ObjectNode answer = Json.object();
        answer.put("ResponseCode", "0");
        answer.put("ResponseDescription", QUERY_ACCEPTED);
        answer.put("MerchantRequestID", push.merchantRequestId());
        answer.put("CheckoutRequestID", push.checkoutRequestId());
        answer.put("ResultCode", String.valueOf(push.resultCode()));
        answer.put("ResultDesc", ResultCodes.describe(push.resultCode()));
        return answer;
    }

    private static ObjectNode ids(StkPush push) {
        ObjectNode node = Json.object();
        node.put("MerchantRequestID", push.merchantRequestId());
        node.put("CheckoutRequestID", push.checkoutRequestId());
        return node;
    }
}
