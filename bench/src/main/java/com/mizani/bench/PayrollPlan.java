package com.mizani.bench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The payroll scenario's one job, as the harness sends it and as the audit expects it paid: {@code items} items in
 * {@link Ledger#CURRENCY}. Wallet items ({@link #toWallets}): item {@code i} to payee {@code i % payees} (so every
 * payee is paid, several times when there are more items than payees), each of a random amount of 1.00 to 1,000.00
 * drawn from the seed. M-Pesa items ({@link #toPhones}): item {@code i} to a phone of its own, each of a random whole
 * amount of 10 to 1,000 KES (M-Pesa pays whole shillings), drawn from the seed.
 */
final class PayrollPlan {

    static final long MIN_ITEM_MINOR = 100;
    static final long MAX_ITEM_MINOR = 100_000;
    static final long MIN_PHONE_ITEM_MINOR = 1_000;

    /**
     * One line of the job: its position from 0 (the app's item index), reference, payee (a wallet, or else a phone)
     * and amount.
     */
    record Item(int index, String reference, String walletId, String msisdn, long amountMinor) {

        boolean toPhone() {
            return msisdn != null;
        }
    }

    private final String sourceWalletId;
    private final List<Item> items;

    private PayrollPlan(String sourceWalletId, List<Item> items) {
        this.sourceWalletId = sourceWalletId;
        this.items = List.copyOf(items);
    }

    static PayrollPlan toWallets(String sourceWalletId, List<String> payees, int itemCount, long seed) {
        if (payees.isEmpty()) {
            throw new IllegalArgumentException("a payroll job needs at least one payee");
        }
        Random random = new Random(seed);
        List<Item> planned = new ArrayList<>(itemCount);
        for (int i = 0; i < itemCount; i++) {
            long amount = MIN_ITEM_MINOR + (long) (random.nextDouble() * (MAX_ITEM_MINOR - MIN_ITEM_MINOR + 1));
            planned.add(new Item(i, reference(i), payees.get(i % payees.size()), null, amount));
        }
        return new PayrollPlan(sourceWalletId, planned);
    }

    static PayrollPlan toPhones(String sourceWalletId, int itemCount, long seed) {
        Random random = new Random(seed);
        List<Item> planned = new ArrayList<>(itemCount);
        long wholeShillings = (MAX_ITEM_MINOR - MIN_PHONE_ITEM_MINOR) / 100 + 1;
        for (int i = 0; i < itemCount; i++) {
            long amount = MIN_PHONE_ITEM_MINOR + 100 * (long) (random.nextDouble() * wholeShillings);
            String msisdn = "2547" + String.format("%08d", random.nextInt(100_000_000));
            planned.add(new Item(i, reference(i), null, msisdn, amount));
        }
        return new PayrollPlan(sourceWalletId, planned);
    }

    private static String reference(int index) {
        return "bench-%06d".formatted(index);
    }

    String sourceWalletId() {
        return sourceWalletId;
    }

    List<Item> items() {
        return items;
    }

    long totalMinor() {
        return items.stream().mapToLong(Item::amountMinor).sum();
    }

    /** What each payee wallet is owed by the job: the sum of its items. */
    Map<String, Long> owedByPayee() {
        Map<String, Long> owed = new LinkedHashMap<>();
        items.stream().filter(item -> !item.toPhone())
                .forEach(item -> owed.merge(item.walletId(), item.amountMinor(), Long::sum));
        return owed;
    }

    /** The body of {@code POST /api/v1/payroll/jobs}. */
    String json(String name) {
        StringBuilder body = new StringBuilder(items.size() * 130 + 100);
        body.append("{\"sourceWalletId\":\"").append(sourceWalletId).append("\",\"name\":\"").append(name)
                .append("\",\"items\":[");
        for (Item item : items) {
            if (item.index() > 0) {
                body.append(',');
            }
            body.append("{\"reference\":\"").append(item.reference()).append("\",\"amount\":\"")
                    .append(decimal(item.amountMinor())).append("\",\"currency\":\"").append(Ledger.CURRENCY)
                    .append(item.toPhone() ? "\",\"msisdn\":\"" : "\",\"walletId\":\"")
                    .append(item.toPhone() ? item.msisdn() : item.walletId()).append("\"}");
        }
        return body.append("]}").toString();
    }

    static String decimal(long minor) {
        return BigDecimal.valueOf(minor, 2).toPlainString();
    }

    /**
     * The transfer id the app derives for an item (the app's {@code PayrollTransfers.transferIdOf}, restated: the
     * harness does not share the app's code, and the audit holds the item view against this).
     */
    static UUID transferIdOf(String jobId, int index) {
        return UUID.nameUUIDFromBytes(("payroll-item\n" + jobId + "\n" + index).getBytes(StandardCharsets.UTF_8));
    }

    /** The payment id the app derives for an M-Pesa item (the app's {@code PayrollPayouts.paymentIdOf}, restated). */
    static UUID paymentIdOf(String jobId, int index) {
        return UUID.nameUUIDFromBytes(("payroll-payout\n" + jobId + "\n" + index).getBytes(StandardCharsets.UTF_8));
    }
}
