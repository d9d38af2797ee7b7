package com.mizani.providersim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Builds the provider's response and callback bodies in the exact shapes of daraja.md. Everything in a result
 * comes from the settled {@link Payout}, so re-sending a result produces the same bytes as the first time.
 */
final class DarajaBodies {

    static final String ACCEPTED = "Accept the service request successfully.";
    private static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");
    private static final DateTimeFormatter COMPLETED_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss").withZone(NAIROBI);
    private static final DateTimeFormatter STATUS_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(NAIROBI);

    private DarajaBodies() {
    }

    static ObjectNode acknowledgement(String conversationId, String originatorConversationId) {
        ObjectNode ack = Json.object();
        ack.put("ConversationID", conversationId);
        ack.put("OriginatorConversationID", originatorConversationId);
        ack.put("ResponseCode", "0");
        ack.put("ResponseDescription", ACCEPTED);
        return ack;
    }

    /** Daraja's error body; {@code requestId} is random because it only helps to correlate logs. */
    static ObjectNode error(String errorCode, String errorMessage) {
        ObjectNode error = Json.object();
        error.put("requestId", UUID.randomUUID().toString());
        error.put("errorCode", errorCode);
        error.put("errorMessage", errorMessage);
        return error;
    }

    /** The B2C {@code Result}: with ResultParameters when paid, without them when failed. */
    static ObjectNode b2cResult(Payout payout) {
        ObjectNode result = resultHeader(payout.resultCode(), payout.originatorConversationId(), payout.conversationId(),
                payout.transactionId());
        if (payout.paid()) {
            ArrayNode parameters = parameters(result);
            parameter(parameters, "TransactionAmount").put("Value", payout.amount());
            parameter(parameters, "TransactionReceipt").put("Value", payout.receipt());
            parameter(parameters, "ReceiverPartyPublicName").put("Value", payout.msisdn() + " - Simulated Customer");
            parameter(parameters, "TransactionCompletedDateTime").put("Value", COMPLETED_TIME.format(payout.finalisedAt()));
            parameter(parameters, "B2CUtilityAccountAvailableFunds").put("Value", payout.utilityFundsAfter());
            parameter(parameters, "B2CWorkingAccountAvailableFunds").put("Value", 0L);
            parameter(parameters, "B2CRecipientIsRegisteredCustomer").put("Value", "Y");
            parameter(parameters, "B2CChargesPaidAccountAvailableFunds").put("Value", 0L);
        }
        referenceItem(result, "QueueTimeoutURL", payout.queueTimeOutUrl().toString());
        return wrap(result);
    }

    /**
     * The {@code Result} POSTed to the QueueTimeOutURL of a B2C request that timed out in the provider's queue:
     * ResultType 1, no ResultParameters, nothing paid.
     */
    static ObjectNode b2cQueueTimeout(B2cRequest request, String conversationId, String transactionId) {
        ObjectNode result = resultHeader(1, ResultCodes.TIMEOUT, ResultCodes.QUEUE_TIMEOUT_DESCRIPTION,
                request.originatorConversationId(), conversationId, transactionId);
        referenceItem(result, "QueueTimeoutURL", request.queueTimeOutUrl().toString());
        return wrap(result);
    }

    /** The account balance {@code Result}: Daraja's pipe-separated AccountBalance string and the completion time. */
    static ObjectNode accountBalanceResult(AccountBalanceQuery query, String originatorConversationId,
                                           String conversationId, String transactionId, long balanceMinor,
                                           Instant completedAt) {
        ObjectNode result = resultHeader(ResultCodes.SUCCESS, originatorConversationId, conversationId, transactionId);
        ArrayNode parameters = parameters(result);
        parameter(parameters, "AccountBalance").put("Value", accountBalance(balanceMinor));
        parameter(parameters, "BOCompletedTime").put("Value", Long.parseLong(STATUS_TIME.format(completedAt)));
        referenceItem(result, "QueueTimeoutURL", query.queueTimeOutUrl().toString());
        return wrap(result);
    }

    /**
     * Daraja's {@code AccountBalance} string: per account, name|currency|current|available|reserved|uncleared.
     * Payouts come out of and deposits go into the utility account; the working account stays empty.
     */
    static String accountBalance(long utilityMinor) {
        String utility = Money.kes(utilityMinor);
        return "Working Account|%s|0.00|0.00|0.00|0.00&Utility Account|%s|%s|%s|0.00|0.00"
                .formatted(Money.CURRENCY, Money.CURRENCY, utility, utility);
    }

    /** The transaction status {@code Result} for a payout the provider made. */
    static ObjectNode statusCompleted(Payout payout, String queryConversationId, StatusQuery query) {
        ObjectNode result = resultHeader(ResultCodes.SUCCESS, payout.originatorConversationId(), queryConversationId,
                payout.transactionId());
        ArrayNode parameters = parameters(result);
        parameter(parameters, "ReceiptNo").put("Value", payout.receipt());
        parameter(parameters, "ConversationID").put("Value", payout.conversationId());
        parameter(parameters, "OriginatorConversationID").put("Value", payout.originatorConversationId());
        parameter(parameters, "Amount").put("Value", payout.amount());
        parameter(parameters, "TransactionStatus").put("Value", "Completed");
        parameter(parameters, "FinalisedTime").put("Value", Long.parseLong(STATUS_TIME.format(payout.finalisedAt())));
        parameter(parameters, "InitiatedTime").put("Value", Long.parseLong(STATUS_TIME.format(payout.finalisedAt())));
        parameter(parameters, "ReasonType").put("Value", "Business Payment to Customer via API");
        parameter(parameters, "DebitPartyName").put("Value", payout.partyA() + " - Simulated Business");
        parameter(parameters, "CreditPartyName").put("Value", payout.msisdn() + " - Simulated Customer");
        referenceItem(result, "Occasion", query.occasion());
        return wrap(result);
    }

    /** The definitive "never paid" status {@code Result}: {@link ResultCodes#NO_SUCH_PAYOUT}, no ResultParameters. */
    static ObjectNode statusNotPaid(StatusQuery query, String queryConversationId, String queryTransactionId) {
        String originatorId = query.originatorConversationId().isBlank() ? "" : query.originatorConversationId();
        ObjectNode result = resultHeader(ResultCodes.NO_SUCH_PAYOUT, originatorId, queryConversationId, queryTransactionId);
        referenceItem(result, "Occasion", query.occasion());
        return wrap(result);
    }

    private static ObjectNode resultHeader(int resultCode, String originatorConversationId, String conversationId,
                                           String transactionId) {
        return resultHeader(0, resultCode, ResultCodes.describe(resultCode), originatorConversationId, conversationId,
                transactionId);
    }

    private static ObjectNode resultHeader(int resultType, int resultCode, String resultDesc,
                                           String originatorConversationId, String conversationId, String transactionId) {
        ObjectNode result = Json.object();
        result.put("ResultType", resultType);
        result.put("ResultCode", resultCode);
        result.put("ResultDesc", resultDesc);
        result.put("OriginatorConversationID", originatorConversationId);
        result.put("ConversationID", conversationId);
        result.put("TransactionID", transactionId);
        return result;
    }

    private static ArrayNode parameters(ObjectNode result) {
        return result.putObject("ResultParameters").putArray("ResultParameter");
    }

    private static ObjectNode parameter(ArrayNode parameters, String key) {
        return parameters.addObject().put("Key", key);
    }

    private static void referenceItem(ObjectNode result, String key, String value) {
        result.putObject("ReferenceData").putObject("ReferenceItem").put("Key", key).put("Value", value);
    }

    private static ObjectNode wrap(ObjectNode result) {
        ObjectNode body = Json.object();
        body.set("Result", result);
        return body;
    }
}
