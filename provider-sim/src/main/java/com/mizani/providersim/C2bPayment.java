package com.mizani.providersim;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * One customer-initiated pay-bill deposit ({@code /mpesa/c2b/v1/simulate}). It always succeeds: a C2B payment
 * that fails never reaches the business, so there is nothing to simulate. Its TransID is also its receipt.
 *
 * @param balanceAfterMinor the simulator's balance in KES cents right after this deposit (the confirmation's
 *                          OrgAccountBalance)
 */
record C2bPayment(
        String transId,
        String transactionType,
        String shortCode,
        long amount,
        String msisdn,
        String billRefNumber,
        String firstName,
        Instant time,
        long balanceAfterMinor,
        URI confirmationUrl) implements LedgerRecord {

    @Override
    public Kind kind() {
        return Kind.C2B;
    }

    @Override
    public Direction direction() {
        return Direction.RECEIVED;
    }

    @Override
    public Status status() {
        return Status.RECEIVED;
    }

    @Override
    public int resultCode() {
        return ResultCodes.SUCCESS;
    }

    @Override
    public String receipt() {
        return transId;
    }

    @Override
    public List<String> ids() {
        return List.of(transId);
    }
}
