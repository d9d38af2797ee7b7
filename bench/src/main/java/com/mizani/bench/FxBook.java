package com.mizani.bench;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the fx scenario's client knows of its conversions: each wallet's currency and funding, every cross-currency
 * transfer the app answered 201 COMPLETED with the amounts its quote named, and how the app answered the transfers
 * that tried a quote already used. {@link FxAudit} holds the app's books against it.
 */
final class FxBook {

    /** A wallet the scenario opened, in this currency, funded with this much. */
    record Funded(String currency, long minor) {
    }

    /** A completed cross-currency transfer: its source debited {@code fromMinor}, its destination credited {@code toMinor}. */
    record Conversion(String transferId, String quoteId, String sourceWallet, String fromCurrency, long fromMinor,
                      long feeMinor, String destinationWallet, String toCurrency, long toMinor) {
    }

    private final Map<String, Funded> wallets = new ConcurrentHashMap<>();
    private final Map<String, Conversion> conversions = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> spentQuoteAnswers = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> races = new ConcurrentHashMap<>();
    private final Queue<String> answersDiffering = new ConcurrentLinkedQueue<>();

    void funded(String wallet, Funded funding) {
        wallets.put(wallet, funding);
    }

    Map<String, Funded> wallets() {
        return wallets;
    }

    void completed(Conversion conversion) {
        conversions.put(conversion.transferId(), conversion);
    }

    Map<String, Conversion> conversions() {
        return conversions;
    }

    /** How the app answered a second transfer on a quote already used: "409 QUOTE_USED" is the one right answer. */
    void spentQuoteAnswered(String answer) {
        spentQuoteAnswers.computeIfAbsent(answer, a -> new AtomicLong()).incrementAndGet();
    }

    Map<String, Long> spentQuoteAnswers() {
        return snapshot(spentQuoteAnswers);
    }

    /** The answers of two transfers that raced on one quote, in order: "201, 409 QUOTE_USED" is the one right outcome. */
    void raced(List<String> answers) {
        String outcome = String.join(", ", answers.stream().sorted().toList());
        races.computeIfAbsent(outcome, o -> new AtomicLong()).incrementAndGet();
    }

    Map<String, Long> races() {
        return snapshot(races);
    }

    /** A completed transfer whose answer named other amounts than its quote had. */
    void answerDiffered(String example) {
        answersDiffering.add(example);
    }

    List<String> answersDiffering() {
        return List.copyOf(answersDiffering);
    }

    /** What each wallet must hold: its funding, less what it converted away, plus what conversions brought it. */
    Map<String, Long> expectedMinor() {
        Map<String, Long> expected = new TreeMap<>();
        wallets.forEach((wallet, funding) -> expected.put(wallet, funding.minor()));
        for (Conversion conversion : conversions.values()) {
            expected.merge(conversion.sourceWallet(), -conversion.fromMinor(), Long::sum);
            expected.merge(conversion.destinationWallet(), conversion.toMinor(), Long::sum);
        }
        return expected;
    }

    /**
     * What the conversions moved into all the wallets, in minor units of whichever currency, as a sum over wallet_view
     * counts them: every toAmount in, every fromAmount out. {@link Audit}'s money check sums wallets that way.
     */
    long walletNetMinor() {
        return conversions.values().stream().mapToLong(c -> c.toMinor() - c.fromMinor()).sum();
    }

    private static Map<String, Long> snapshot(Map<String, AtomicLong> counters) {
        Map<String, Long> counts = new TreeMap<>();
        counters.forEach((name, count) -> counts.put(name, count.get()));
        return counts;
    }
}
