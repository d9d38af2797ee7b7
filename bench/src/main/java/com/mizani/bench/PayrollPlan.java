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
 * The payroll scenario's one job, as the harness sends it and as the audit expects it paid: {@code items} wallet items
 * in {@link Ledger#CURRENCY}, item {@code i} to payee {@code i % payees} (so every payee is paid, several times when
 * there are more items than payees), each of a random amount of 1.00 to 1,000.00 drawn from the seed.
 */
final class PayrollPlan {

    static final long MIN_ITEM_MINOR = 100;
    static final long MAX_ITEM_MINOR = 100_000;

    /** One line of the job: its position from 0 (the app's item index), reference, payee and amount. */
    record Item(int index, String reference, String walletId, long amountMinor) {
    }

    private final String sourceWalletId;
    private final List<Item> items;

    PayrollPlan(String sourceWalletId, List<String> payees, int itemCount, long seed) {
        if (payees.isEmpty()) {
            throw new IllegalArgumentException("a payroll job needs at least one payee");
        }
        this.sourceWalletId = sourceWalletId;
        Random random = new Random(seed);
        List<Item> planned = new ArrayList<>(itemCount);
        for (int i = 0; i < itemCount; i++) {
            long amount = MIN_ITEM_MINOR + (long) (random.nextDouble() * (MAX_ITEM_MINOR - MIN_ITEM_MINOR + 1));
            planned.add(new Item(i, "bench-%06d".formatted(i), payees.get(i % payees.size()), amount));
        }
        this.items = List.copyOf(planned);
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

    /** What each payee is owed by the job: the sum of its items. */
    Map<String, Long> owedByPayee() {
        Map<String, Long> owed = new LinkedHashMap<>();
        items.forEach(item -> owed.merge(item.walletId(), item.amountMinor(), Long::sum));
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
                    .append("\",\"walletId\":\"").append(item.walletId()).append("\"}");
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
}
