package com.mizani.provider.mpesa.callback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.Evidence;
import com.mizani.kernel.payment.ProviderResult;
import com.mizani.kernel.payment.ProviderResult.Outcome;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * Reads the provider's callback bodies (their shapes, and what Mizani reads in them: docs/provider.md) into
 * {@link ProviderResult}s. It only parses: whether a result is believed is for the payment to decide. Numbers may
 * come as numbers or strings; amounts are whole shillings, possibly written with decimals.
 */
final class DarajaMessages {

    /** The transaction status query's definitive "no such payout" (the simulator's code; see docs/provider.md). */
    static final String STATUS_NOT_FOUND = "404";
    private static final ObjectMapper JSON = new ObjectMapper();

    private DarajaMessages() {
    }

    record Addressed(UUID paymentId, ProviderResult result) {
    }

    record C2bConfirmation(String transId, String billReference, Money amount, String payer) {
    }

    /** The B2C result: code 0 paid, any other code a definitive failure of that payout. */
    static Addressed b2cResult(byte[] body) {
        JsonNode result = required(read(body), "Result");
        String code = text(result, "ResultCode");
        JsonNode parameters = result.path("ResultParameters").path("ResultParameter");
        String receipt = firstNonBlank(parameter(parameters, "TransactionReceipt"), text(result, "TransactionID"));
        Outcome outcome = "0".equals(code) ? Outcome.PAID : Outcome.NOT_PAID;
        return new Addressed(paymentId(result), new ProviderResult(Evidence.CALLBACK, outcome, code,
                text(result, "ResultDesc"), outcome == Outcome.PAID ? receipt : null,
                shillingsToMinor(parameter(parameters, "TransactionAmount")),
                msisdnOf(parameter(parameters, "ReceiverPartyPublicName")), text(result, "ConversationID")));
    }

    /** The queue-timeout callback decides nothing: the payout's fate is for the status query. */
    static Addressed b2cQueueTimeout(byte[] body) {
        JsonNode result = required(read(body), "Result");
        return new Addressed(paymentId(result), new ProviderResult(Evidence.QUEUE_TIMEOUT, Outcome.UNKNOWN,
                text(result, "ResultCode"), text(result, "ResultDesc"), null, null, null, text(result, "ConversationID")));
    }

    /**
     * The status answer: "Completed" is paid, the not-found code is "no such payout, so far" (which the payment
     * believes only late and twice: its settle window), and everything else
     * (a failed query, an unfamiliar status) decides nothing, so the saga asks again later.
     */
    static Addressed statusResult(byte[] body) {
        JsonNode result = required(read(body), "Result");
        String code = text(result, "ResultCode");
        JsonNode parameters = result.path("ResultParameters").path("ResultParameter");
        Outcome outcome;
        if ("0".equals(code) && "Completed".equalsIgnoreCase(parameter(parameters, "TransactionStatus"))) {
            outcome = Outcome.PAID;
        } else if (STATUS_NOT_FOUND.equals(code)) {
            outcome = Outcome.NOT_FOUND;
        } else {
            outcome = Outcome.UNKNOWN;
        }
        return new Addressed(paymentId(result), new ProviderResult(Evidence.STATUS_QUERY, outcome, code,
                text(result, "ResultDesc"), outcome == Outcome.PAID ? parameter(parameters, "ReceiptNo") : null,
                outcome == Outcome.PAID ? shillingsToMinor(parameter(parameters, "Amount")) : null,
                msisdnOf(parameter(parameters, "CreditPartyName")), text(result, "ConversationID")));
    }

    /** The STK callback: code 0 paid (with receipt, amount, phone), any other code (1032 cancelled...) not paid. */
    static ProviderResult stkCallback(byte[] body) {
        JsonNode callback = required(required(read(body), "Body"), "stkCallback");
        String code = text(callback, "ResultCode");
        JsonNode items = callback.path("CallbackMetadata").path("Item");
        Outcome outcome = "0".equals(code) ? Outcome.PAID : Outcome.NOT_PAID;
        return new ProviderResult(Evidence.CALLBACK, outcome, code, text(callback, "ResultDesc"),
                item(items, "MpesaReceiptNumber"), outcome == Outcome.PAID ? shillingsToMinor(item(items, "Amount")) : null,
                item(items, "PhoneNumber"), text(callback, "CheckoutRequestID"));
    }

    static C2bConfirmation c2bConfirmation(byte[] body) {
        JsonNode confirmation = read(body);
        String transId = text(confirmation, "TransID");
        if (transId == null || !transId.matches("[A-Za-z0-9]{1,32}")) {
            throw invalid("TransID is missing or malformed");
        }
        Long amountMinor = shillingsToMinor(text(confirmation, "TransAmount"));
        if (amountMinor == null || amountMinor <= 0) {
            throw invalid("TransAmount is missing or not positive");
        }
        String billReference = text(confirmation, "BillRefNumber");
        String payer = text(confirmation, "MSISDN");
        return new C2bConfirmation(transId, billReference == null ? "" : truncate(billReference, 64),
                Money.of(amountMinor, CurrencyCode.KES), payer == null ? "" : truncate(payer, 32));
    }

    private static JsonNode read(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw invalid("the body is not a JSON object");
            }
            return node;
        } catch (IOException malformed) {
            throw invalid("the body is not JSON");
        }
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode child = node.get(field);
        if (child == null || !child.isObject()) {
            throw invalid(field + " is missing");
        }
        return child;
    }

    private static UUID paymentId(JsonNode result) {
        String id = text(result, "OriginatorConversationID");
        try {
            UUID parsed = UUID.fromString(id == null ? "" : id);
            if (parsed.toString().equalsIgnoreCase(id)) {
                return parsed;
            }
        } catch (IllegalArgumentException notOurs) {
            // Falls through: not an id we issued.
        }
        throw invalid("OriginatorConversationID is not a Mizani payment id");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String parameter(JsonNode parameters, String key) {
        return keyed(parameters, "Key", key);
    }

    private static String item(JsonNode items, String name) {
        return keyed(items, "Name", name);
    }

    private static String keyed(JsonNode list, String keyField, String key) {
        for (JsonNode entry : list) {
            if (key.equals(entry.path(keyField).asText())) {
                JsonNode value = entry.get("Value");
                return value == null || value.isNull() ? null : value.isNumber() ? value.decimalValue().toPlainString() : value.asText();
            }
        }
        return null;
    }

    /** Whole shillings (maybe "1000", 1000, "1000.00") to cents; a fraction of a cent or garbage is refused. */
    static Long shillingsToMinor(String shillings) {
        if (shillings == null || shillings.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(shillings.strip()).movePointRight(2).longValueExact();
        } catch (ArithmeticException | NumberFormatException unreadable) {
            throw invalid("an amount is not a number of shillings: " + truncate(shillings, 32));
        }
    }

    /** "254708374149 - Jane Doe" → "254708374149". */
    private static String msisdnOf(String publicName) {
        if (publicName == null) {
            return null;
        }
        String digits = publicName.split("-", 2)[0].strip();
        return digits.matches("\\d{9,15}") ? digits : null;
    }

    private static String firstNonBlank(String first, String second) {
        return first != null && !first.isBlank() ? first : second;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static MizaniException invalid(String detail) {
        return new MizaniException(ErrorCode.INVALID_CALLBACK, detail);
    }
}
