package com.mizani.providersim;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * One STK push as the simulated customer answered it: approved (RECEIVED, with a receipt), cancelled (1032) or
 * failed (an injected failure code). Settled when the push is accepted, once per CallBackURL.
 *
 * @param balanceAfterMinor the simulator's balance in KES cents right after this push was settled
 */
record StkPush(
        String merchantRequestId,
        String checkoutRequestId,
        URI callbackUrl,
        String businessShortCode,
        long amount,
        String phoneNumber,
        String accountReference,
        Status status,
        int resultCode,
        String receipt,
        Instant time,
        long balanceAfterMinor) implements LedgerRecord {

    StkPush {
        // Pair assertion with Ledger: money was received exactly when the customer approved, and then has a receipt.
        boolean received = status == Status.RECEIVED;
        if (received != (resultCode == ResultCodes.SUCCESS) || received != (receipt != null) || status == Status.PAID) {
            throw new IllegalStateException("status " + status + " contradicts result code " + resultCode);
        }
    }

    @Override
    public Kind kind() {
        return Kind.STK;
    }

    @Override
    public Direction direction() {
        return Direction.RECEIVED;
    }

    @Override
    public String msisdn() {
        return phoneNumber;
    }

    @Override
    public String billRefNumber() {
        return accountReference;
    }

    @Override
    public List<String> ids() {
        return Stream.of(checkoutRequestId, merchantRequestId, receipt).filter(id -> id != null).toList();
    }
}
