package com.mizani.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * One iteration of the fx scenario's load: a quote for a random conversion ({@link FxMarket}), then a transfer on it
 * from a random wallet in its source currency to a random wallet in its destination currency. Now and then the
 * iteration also tries the quote again, or races two transfers on it:
 * <ul>
 *   <li>after a completed transfer, {@value #SPENT_QUOTE_SHARE} of the iterations send a second transfer on the same
 *       quote (another key), which must be answered 409 {@code QUOTE_USED};</li>
 *   <li>{@value #RACE_SHARE} of the iterations send two transfers at once on the fresh quote, from two wallets, of
 *       which exactly one must complete and the other be answered 409 {@code QUOTE_USED}.</li>
 * </ul>
 * Every transfer answer is recorded in the {@link Ledger} as the other scenarios record theirs, every completed
 * conversion in its {@link FxBook} with the amounts its quote named, and how the app answered the tries on a used
 * quote too: {@link FxAudit} judges them after the run.
 */
final class FxConversions {

    static final String QUOTES = "/api/v1/fx/quotes";
    static final double SPENT_QUOTE_SHARE = 0.02;
    static final double RACE_SHARE = 0.01;
    /** The one right answer to a transfer on a quote already used. */
    static final String QUOTE_USED = "409 QUOTE_USED";
    static final String COMPLETED = "201";

    /** Sends one request as the load sends every request (resent while it has no final answer); null if none came. */
    interface Sender {
        Client.Answer send(String path, String body, String idempotencyKey, List<String> resends)
                throws InterruptedException;
    }

    /** A request the iteration made, for the figures: which, how long it took with its resends, how it was answered. */
    record Step(LoadRun.Operation operation, long nanos, String status) {
    }

    /** The terms of a quote the app issued, in minor units of each side's currency. */
    record Quote(String quoteId, FxMarket.Currency from, long fromMinor, long feeMinor, FxMarket.Currency to,
                 long toMinor, String fromAmount) {

        static Quote of(JsonNode quote) {
            FxMarket.Currency from = FxMarket.currency(quote.path("fromCurrency").asText());
            FxMarket.Currency to = FxMarket.currency(quote.path("toCurrency").asText());
            String fromAmount = quote.path("fromAmount").asText();
            return new Quote(quote.path("quoteId").asText(), from, from.minor(fromAmount),
                    from.minor(quote.path("fee").asText()), to, to.minor(quote.path("toAmount").asText()), fromAmount);
        }
    }

    private final Ledger ledger;
    private final Map<String, List<String>> walletsByCurrency = new HashMap<>();

    FxConversions(Ledger ledger) {
        this.ledger = ledger;
        ledger.fx().wallets().forEach((wallet, funding) ->
                walletsByCurrency.computeIfAbsent(funding.currency(), c -> new ArrayList<>()).add(wallet));
    }

    /**
     * @param steps gets each request of the iteration
     * @return how the iteration ended: {@value #COMPLETED} when its quote was issued and its transfer completed,
     * otherwise which request failed and how ("quote 503 FX_UNAVAILABLE", "transfer 422 INSUFFICIENT_FUNDS")
     */
    String convert(Random random, Sender sender, List<String> resends, List<Step> steps) throws InterruptedException {
        FxMarket.Order order = FxMarket.order(random);
        long started = System.nanoTime();
        Client.Answer issued = sender.send(QUOTES, order.quoteJson(), UUID.randomUUID().toString(), resends);
        steps.add(new Step(LoadRun.Operation.FX_QUOTE, System.nanoTime() - started, status(issued)));
        if (issued == null || issued.status() != 201) {
            return "quote " + status(issued);
        }
        Quote quote = Quote.of(issued.json());
        List<String> sources = walletsByCurrency.get(quote.from().code());
        String source = sources.get(random.nextInt(sources.size()));
        List<String> destinations = walletsByCurrency.get(quote.to().code());
        String destination = destinations.get(random.nextInt(destinations.size()));
        if (random.nextDouble() < RACE_SHARE) {
            String rival;
            do {
                rival = sources.get(random.nextInt(sources.size()));
            } while (rival.equals(source));
            return "race " + race(sender, quote, List.of(source, rival), destination, resends, steps);
        }
        long transferStarted = System.nanoTime();
        String answer = transfer(sender, quote, source, destination, resends);
        steps.add(new Step(LoadRun.Operation.FX_TRANSFER, System.nanoTime() - transferStarted, answer));
        if (!answer.equals(COMPLETED)) {
            return "transfer " + answer;
        }
        if (random.nextDouble() < SPENT_QUOTE_SHARE) {
            long againStarted = System.nanoTime();
            String again = transfer(sender, quote, source, destination, resends);
            steps.add(new Step(LoadRun.Operation.FX_SPENT_QUOTE, System.nanoTime() - againStarted, again));
            ledger.fx().spentQuoteAnswered(again);
        }
        return COMPLETED;
    }

    /** Two transfers on one quote at once, each from its own source; their answers go to the book as one race. */
    private String race(Sender sender, Quote quote, List<String> sources, String destination, List<String> resends,
                        List<Step> steps) throws InterruptedException {
        List<Thread> racers = new ArrayList<>();
        List<Step> raced = new ArrayList<>();
        List<List<String>> racersResends = new ArrayList<>();
        for (String source : sources) {
            List<String> own = new ArrayList<>();
            racersResends.add(own);
            racers.add(Thread.ofVirtual().start(() -> {
                long started = System.nanoTime();
                try {
                    String answer = transfer(sender, quote, source, destination, own);
                    synchronized (raced) {
                        raced.add(new Step(LoadRun.Operation.FX_RACE, System.nanoTime() - started, answer));
                    }
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (Thread racer : racers) {
            racer.join();
        }
        racersResends.forEach(resends::addAll);
        steps.addAll(raced);
        List<String> answers = raced.stream().map(Step::status).toList();
        ledger.fx().raced(answers);
        return String.join(", ", answers.stream().sorted().toList());
    }

    /**
     * A transfer of the quote's fromAmount on it; recorded in the ledger as every transfer answer is, and when it
     * completed, in the book with the quote's amounts.
     *
     * @return {@value #COMPLETED} for a 201 COMPLETED, else its status and code ("409 QUOTE_USED", "201 FAILED")
     */
    private String transfer(Sender sender, Quote quote, String source, String destination, List<String> resends)
            throws InterruptedException {
        String key = UUID.randomUUID().toString();
        Client.Answer answer = sender.send("/api/v1/transfers", Client.fxTransferJson(source, destination,
                quote.fromAmount(), quote.from().code(), quote.quoteId()), key, resends);
        if (answer == null) {
            return status(null);
        }
        ledger.acknowledgeTransfer(key, answer);
        if (answer.status() != 201) {
            return status(answer);
        }
        JsonNode transfer = answer.json();
        String outcome = transfer.path("status").asText();
        if (!outcome.equals("COMPLETED")) {
            return "201 " + outcome;
        }
        ledger.fx().completed(new FxBook.Conversion(transfer.path("transferId").asText(), quote.quoteId(), source,
                quote.from().code(), quote.fromMinor(), quote.feeMinor(), destination, quote.to().code(),
                quote.toMinor()));
        String credited = transfer.path("fx").path("destinationAmount").asText();
        if (quote.to().minor(credited) != quote.toMinor()) {
            ledger.fx().answerDiffered("transfer %s on quote %s credited %s %s, the quote said %s".formatted(
                    transfer.path("transferId").asText(), quote.quoteId(), credited, quote.to().code(),
                    quote.to().decimal(quote.toMinor())));
        }
        return COMPLETED;
    }

    /** An answer as the figures count it: its status and problem code ("409 QUOTE_USED"), or "io-error" if none came. */
    private static String status(Client.Answer answer) {
        return answer == null ? "io-error" : LoadRun.cause(answer);
    }
}
