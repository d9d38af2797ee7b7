package com.mizani.app.console.customer;

import com.mizani.app.console.StatusWords;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * One line of the customer's activity feed on its home page: a transfer or payment as the API's wallet activity
 * answers it, in the customer's words. A transfer's amount is the one that left its source wallet, in that wallet's
 * currency.
 *
 * @param signedAmount with − when money leaves the customer's wallets, + when it comes in
 * @param link         the page that follows its status live
 */
record ActivityLine(Instant requestedAt, String what, String signedAmount, String currency,
                    StatusWords.Words words, String status, String link) {

    static ActivityLine of(Map<String, Object> item, Set<Object> own) {
        String type = (String) item.get("type");
        String status = (String) item.get("status");
        String amount = (String) item.get("amount");
        String id = (String) item.get("id");
        Instant requestedAt = Instant.parse((String) item.get("requestedAt"));
        if ("TRANSFER".equals(type)) {
            boolean out = own.contains(item.get("walletId"));
            Object other = out ? item.get("counterpartyWalletId") : item.get("walletId");
            return new ActivityLine(requestedAt, (out ? "Sent to " : "Received from ") + shortId(other),
                    (out ? "−" : "+") + amount, (String) item.get("currency"), StatusWords.ofTransfer(status),
                    status, "/app/transfers/" + id);
        }
        boolean deposit = "DEPOSIT".equals(type);
        String what = switch (String.valueOf(item.get("method"))) {
            case "CASH" -> "Cash deposit";
            case "MPESA_STK", "MPESA_C2B" -> "Deposit from M-Pesa";
            default -> "Withdrawal to M-Pesa";
        };
        return new ActivityLine(requestedAt, what, (deposit ? "+" : "−") + amount, (String) item.get("currency"),
                StatusWords.ofPayment(type, status), status, "/app/payments/" + id);
    }

    private static String shortId(Object walletId) {
        String id = String.valueOf(walletId);
        return id.length() > 8 ? id.substring(0, 8) : id;
    }
}
