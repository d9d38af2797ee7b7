package com.mizani.providersim;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The simulator's own books: money PAID out (B2C) and RECEIVED (approved STK pushes, C2B deposits), one account
 * that starts at the configured float. Settling is {@code synchronized}, so concurrent repeats of one
 * OriginatorConversationID or CallBackURL can never move money twice and the balance can never go negative; the
 * lock covers only in-memory work of constant cost (never I/O, never a scan). Lookups and listings read concurrent
 * indexes without taking it, so a big ledger view does not stall payouts.
 */
final class Ledger {

    private static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");
    private static final int MAX_SHARED_URLS = 1_000;

    private final long startingFloatMinor;
    private final Ids ids;
    private final Map<String, Entry> payoutsByOriginatorId = new ConcurrentHashMap<>();
    private final Map<String, Entry> payoutsByTransactionId = new ConcurrentHashMap<>();
    private final Map<String, Entry> stkByCallbackUrl = new ConcurrentHashMap<>();
    private final Map<String, Entry> stkByCheckoutId = new ConcurrentHashMap<>();
    // Any id a record carries; the first record to claim an id keeps it.
    private final Map<String, Entry> byAnyId = new ConcurrentHashMap<>();
    // Payouts acknowledged but not processed yet (the delayed-settlement fault), with their ConversationID.
    private final Map<String, String> deferredConversationIds = new ConcurrentHashMap<>();
    // Keyed by acceptance order, so the newest records of either direction are a short walk from the end.
    private final NavigableMap<Long, Entry> all = new ConcurrentSkipListMap<>();
    private final NavigableMap<Long, Entry> paid = new ConcurrentSkipListMap<>();
    private final NavigableMap<Long, Entry> received = new ConcurrentSkipListMap<>();
    // Guarded by this.
    private long sequence;
    private long paidRecords;
    private long paidCount;
    private long paidTotalMinor;
    private long receivedCount;
    private long receivedTotalMinor;
    private long withoutMoneyCount;
    private final Map<String, URI> sharedUrls = new HashMap<>();

    /** @param startingFloat the opening balance in whole KES */
    Ledger(long startingFloat, Ids ids) {
        this.startingFloatMinor = Money.minor(startingFloat);
        this.ids = ids;
    }

    /**
     * Settles a B2C request, or returns the existing settlement if its OriginatorConversationID was seen before
     * (whatever the repeat says about amount or recipient: the first request is the one that counts). A deferred
     * payout keeps the ConversationID it was acknowledged with.
     *
     * @param injectedFailureCode a fault's ResultCode to fail with instead of paying, or null
     * @param extraShillings      paid on top of the requested amount (the amount-mismatch fault), or 0
     */
    synchronized Acceptance<Payout> acceptPayout(B2cRequest request, Integer injectedFailureCode, int extraShillings,
                                                 Instant now) {
        Entry existing = payoutsByOriginatorId.get(request.originatorConversationId());
        if (existing != null) {
            return existing.requestedAgain(Payout.class);
        }
        long amount = request.amount() + extraShillings;
        int resultCode;
        if (injectedFailureCode != null) {
            resultCode = injectedFailureCode;
        } else if (Money.minor(amount) > balanceMinor()) {
            resultCode = ResultCodes.INSUFFICIENT_FUNDS;
        } else {
            resultCode = ResultCodes.SUCCESS;
        }
        LedgerRecord.Status status = resultCode == ResultCodes.SUCCESS ? LedgerRecord.Status.PAID : LedgerRecord.Status.FAILED;
        String deferredConversationId = deferredConversationIds.remove(request.originatorConversationId());
        if (deferredConversationId != null) {
            byAnyId.remove(deferredConversationId, Entry.RESERVED_ID);
        }
        String conversationId = deferredConversationId != null ? deferredConversationId
                : unique(() -> ids.conversationId(now.atZone(NAIROBI).toLocalDate()));
        String transactionId = unique(ids::transactionId);
        if (status == LedgerRecord.Status.PAID) {
            pay(Money.minor(amount));
        }
        Payout payout = new Payout(request.originatorConversationId(), conversationId, transactionId,
                status == LedgerRecord.Status.PAID ? amount : request.amount(), request.amount(), request.partyB(),
                request.partyA(), status, resultCode, now, balanceMinor() / 100, shared(request.resultUrl()),
                shared(request.queueTimeOutUrl()));
        Entry entry = append(payout);
        payoutsByOriginatorId.put(payout.originatorConversationId(), entry);
        payoutsByTransactionId.put(transactionId, entry);
        return new Acceptance<>(payout, 1, true);
    }

    /**
     * Acknowledges a B2C request without processing it yet: until {@link #acceptPayout} settles it, the ledger knows
     * nothing of it but its ConversationID. Empty when the OriginatorConversationID is settled or deferred already.
     */
    synchronized Optional<String> deferPayout(String originatorConversationId, Instant now) {
        if (payoutsByOriginatorId.containsKey(originatorConversationId)
                || deferredConversationIds.containsKey(originatorConversationId)) {
            return Optional.empty();
        }
        String conversationId = unique(() -> ids.conversationId(now.atZone(NAIROBI).toLocalDate()));
        // Claimed, so no record draws the same id while this payout waits.
        byAnyId.putIfAbsent(conversationId, Entry.RESERVED_ID);
        deferredConversationIds.put(originatorConversationId, conversationId);
        return Optional.of(conversationId);
    }

    /** The ConversationID of a payout acknowledged and not processed yet. */
    Optional<String> deferredConversationId(String originatorConversationId) {
        return Optional.ofNullable(deferredConversationIds.get(originatorConversationId));
    }

    /**
     * The provider contradicts its own failure: the failed payout is paid after all, with a fresh receipt. Empty
     * (nothing moves) when it is not a failed payout or the account cannot cover it.
     */
    synchronized Optional<Payout> payAfterAll(String originatorConversationId, int extraShillings, Instant now) {
        Entry entry = payoutsByOriginatorId.get(originatorConversationId);
        if (entry == null || entry.record().status() != LedgerRecord.Status.FAILED) {
            return Optional.empty();
        }
        Payout failed = (Payout) entry.record();
        long amount = failed.requestedAmount() + extraShillings;
        if (Money.minor(amount) > balanceMinor()) {
            return Optional.empty();
        }
        String transactionId = unique(ids::transactionId);
        pay(Money.minor(amount));
        withoutMoneyCount--;
        Payout paidNow = failed.paidAfterAll(transactionId, amount, now, balanceMinor() / 100);
        entry.replace(paidNow);
        payoutsByTransactionId.put(transactionId, entry);
        byAnyId.putIfAbsent(transactionId, entry);
        return Optional.of(paidNow);
    }

    /** Takes back the money of a paid payout. Empty (nothing moves) when it is not a paid payout. */
    synchronized Optional<Payout> reversePayout(String originatorConversationId, Instant now) {
        Entry entry = payoutsByOriginatorId.get(originatorConversationId);
        if (entry == null || entry.record().status() != LedgerRecord.Status.PAID) {
            return Optional.empty();
        }
        Payout paidOut = (Payout) entry.record();
        paidCount--;
        paidTotalMinor = Math.subtractExact(paidTotalMinor, paidOut.amountMinor());
        withoutMoneyCount++;
        Payout reversed = paidOut.reversed(now, balanceMinor() / 100);
        entry.replace(reversed);
        return Optional.of(reversed);
    }

    /**
     * Settles an STK push with the customer's answer, or returns the existing settlement if a push with the same
     * CallBackURL was seen before: a retried push never charges the customer twice.
     *
     * @param resultCode 0 (approved: the amount is received), {@link ResultCodes#CANCELLED_BY_USER}, or an
     *                   injected failure code
     */
    synchronized Acceptance<StkPush> acceptStkPush(StkPushRequest request, int resultCode, Instant now) {
        Entry existing = stkByCallbackUrl.get(request.callbackUrl().toString());
        if (existing != null) {
            return existing.requestedAgain(StkPush.class);
        }
        LedgerRecord.Status status = switch (resultCode) {
            case ResultCodes.SUCCESS -> LedgerRecord.Status.RECEIVED;
            case ResultCodes.CANCELLED_BY_USER -> LedgerRecord.Status.CANCELLED;
            default -> LedgerRecord.Status.FAILED;
        };
        String merchantRequestId = unique(ids::requestId);
        String checkoutRequestId = unique(() -> ids.checkoutRequestId(LocalDateTime.ofInstant(now, NAIROBI)));
        String receipt = null;
        if (status == LedgerRecord.Status.RECEIVED) {
            receipt = unique(ids::transactionId);
            receive(Money.minor(request.amount()));
        }
        StkPush push = new StkPush(merchantRequestId, checkoutRequestId, request.callbackUrl(),
                request.businessShortCode(), request.amount(), request.phoneNumber(), request.accountReference(), status,
                resultCode, receipt, now, balanceMinor());
        Entry entry = append(push);
        stkByCallbackUrl.put(request.callbackUrl().toString(), entry);
        stkByCheckoutId.put(checkoutRequestId, entry);
        return new Acceptance<>(push, 1, true);
    }

    /** Records a C2B deposit: always a new payment, because a customer may well pay the same bill twice. */
    synchronized C2bPayment receiveC2b(C2bSimulation simulation, C2bRegistration registration, Instant now) {
        String transId = unique(ids::transactionId);
        receive(Money.minor(simulation.amount()));
        C2bPayment payment = new C2bPayment(transId, simulation.transactionType(), simulation.shortCode(),
                simulation.amount(), simulation.msisdn(), simulation.billRefNumber(), "Simulated", now, balanceMinor(),
                registration.confirmationUrl());
        append(payment);
        return payment;
    }

    Optional<Payout> findPayoutByOriginatorId(String originatorConversationId) {
        return record(payoutsByOriginatorId.get(originatorConversationId), Payout.class);
    }

    Optional<Payout> findPayoutByTransactionId(String transactionId) {
        return record(payoutsByTransactionId.get(transactionId), Payout.class);
    }

    Optional<Entry> findStkByCheckoutId(String checkoutRequestId) {
        return Optional.ofNullable(stkByCheckoutId.get(checkoutRequestId));
    }

    Optional<Entry> findStkByCallbackUrl(String callbackUrl) {
        return Optional.ofNullable(stkByCallbackUrl.get(callbackUrl));
    }

    /** By OriginatorConversationID, ConversationID, CheckoutRequestID, MerchantRequestID, TransID or receipt. */
    Optional<Entry> findByAnyId(String id) {
        return Optional.ofNullable(byAnyId.get(id)).filter(entry -> entry != Entry.RESERVED_ID);
    }

    /** The newest {@code limit} records, of one direction or (null) both, listed oldest first. */
    List<Entry> latest(LedgerRecord.Direction direction, int limit) {
        List<Entry> newest = new ArrayList<>(Math.min(limit, 1024));
        for (Entry entry : source(direction).descendingMap().values()) {
            if (newest.size() >= limit) {
                break;
            }
            newest.add(entry);
        }
        Collections.reverse(newest);
        return newest;
    }

    /**
     * Up to {@code limit} records after the one numbered {@code afterSequence} (0: from the first), of one direction
     * or (null) both, oldest first: a page of the whole ledger, for a statement that needs every record.
     */
    List<Entry> after(LedgerRecord.Direction direction, long afterSequence, int limit) {
        List<Entry> page = new ArrayList<>(Math.min(limit, 1024));
        for (Entry entry : source(direction).tailMap(afterSequence, false).values()) {
            if (page.size() >= limit) {
                break;
            }
            page.add(entry);
        }
        return page;
    }

    synchronized LedgerTotals totals() {
        return new LedgerTotals(paidCount, paidTotalMinor, receivedCount, receivedTotalMinor, balanceMinor());
    }

    synchronized Summary summary() {
        return new Summary(totals(), sequence, paidRecords, sequence - paidRecords, withoutMoneyCount);
    }

    synchronized long balanceMinor() {
        return startingFloatMinor - paidTotalMinor + receivedTotalMinor;
    }

    long startingFloatMinor() {
        return startingFloatMinor;
    }

    private NavigableMap<Long, Entry> source(LedgerRecord.Direction direction) {
        return direction == null ? all : direction == LedgerRecord.Direction.PAID ? paid : received;
    }

    /** Caller holds the lock. */
    private void pay(long amountMinor) {
        paidCount++;
        paidTotalMinor = Math.addExact(paidTotalMinor, amountMinor);
        if (balanceMinor() < 0) {
            throw new IllegalStateException("utility account overdrawn: " + balanceMinor());
        }
    }

    private void receive(long amountMinor) {
        receivedCount++;
        receivedTotalMinor = Math.addExact(receivedTotalMinor, amountMinor);
    }

    /** Caller holds the lock. */
    private Entry append(LedgerRecord record) {
        Entry entry = new Entry(++sequence, record);
        all.put(entry.sequence(), entry);
        if (record.direction() == LedgerRecord.Direction.PAID) {
            paidRecords++;
            paid.put(entry.sequence(), entry);
        } else {
            received.put(entry.sequence(), entry);
        }
        if (!record.movedMoney()) {
            withoutMoneyCount++;
        }
        for (String id : record.ids()) {
            byAnyId.putIfAbsent(id, entry);
        }
        return entry;
    }

    /**
     * One URI instance per distinct B2C ResultURL or QueueTimeOutURL, which are usually the same for every payout:
     * each parsed URI costs some 300 bytes, half of what a payout record costs in all. Caller holds the lock.
     */
    private URI shared(URI url) {
        URI known = sharedUrls.get(url.toString());
        if (known != null) {
            return known;
        }
        if (sharedUrls.size() < MAX_SHARED_URLS) {
            sharedUrls.put(url.toString(), url);
        }
        return url;
    }

    /** Draws provider ids until one is free: they are lookup keys, so a collision would hide a record. */
    private String unique(Supplier<String> generator) {
        String id = generator.get();
        while (byAnyId.containsKey(id)) {
            id = generator.get();
        }
        return id;
    }

    private static <T extends LedgerRecord> Optional<T> record(Entry entry, Class<T> type) {
        return entry == null ? Optional.empty() : Optional.of(type.cast(entry.record()));
    }

    /**
     * A record plus how many times it was requested (its repeats are counted, never settled again). The record is
     * replaced, under the ledger's lock, only when the provider changes its mind about a payout.
     */
    static final class Entry {
        /** Stands in the id index for a ConversationID handed out to a payout that is not in the ledger yet. */
        private static final Entry RESERVED_ID = new Entry(0, null);

        private final long sequence;
        private volatile LedgerRecord record;
        private final AtomicInteger timesRequested = new AtomicInteger(1);

        Entry(long sequence, LedgerRecord record) {
            this.sequence = sequence;
            this.record = record;
        }

        long sequence() {
            return sequence;
        }

        LedgerRecord record() {
            return record;
        }

        private void replace(LedgerRecord newVersion) {
            record = newVersion;
        }

        int timesRequested() {
            return timesRequested.get();
        }

        private <T extends LedgerRecord> Acceptance<T> requestedAgain(Class<T> type) {
            return new Acceptance<>(type.cast(record), timesRequested.incrementAndGet(), false);
        }
    }

    /** @param firstRequest false when the request repeated one that had already been settled */
    record Acceptance<T extends LedgerRecord>(T record, int timesRequested, boolean firstRequest) {
    }

    /**
     * @param records          every record, money moved or not
     * @param paidRecords      records of direction PAID (failed payouts included)
     * @param receivedRecords  records of direction RECEIVED (cancelled and failed pushes included)
     * @param withoutMoney     records that moved no money
     */
    record Summary(LedgerTotals totals, long records, long paidRecords, long receivedRecords, long withoutMoney) {
    }
}
