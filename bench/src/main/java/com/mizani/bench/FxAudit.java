package com.mizani.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The fx scenario's checks, after {@link Audit} (which waits for the read model and checks every transfer answer):
 * the app's books against what the client's own answers say moved ({@link FxBook}).
 * <ul>
 *   <li>no quote paid for more than one transaction's postings, and every quote {@code fx_quote_view} shows USED is
 *       the one of a conversion the client saw complete, with that transfer;</li>
 *   <li>as many COMPLETED cross-currency transfers in the read model as the client saw;</li>
 *   <li>each wallet holds its funding, less every fromAmount it paid, plus every toAmount it was paid;</li>
 *   <li>each currency's postings sum to zero, the FX liquidity and revenue accounts' included, and those accounts
 *       hold exactly what the quotes imply: {@code fx:liquidity:<from>} the converted amounts taken in,
 *       {@code fx:liquidity:<to>} less the amounts paid out, {@code fx:revenue:<from>} the fees;</li>
 *   <li>every posting of a cross-currency transfer names its quote and the quote's rate;</li>
 *   <li>every second transfer on a used quote was answered 409 QUOTE_USED, and of every two transfers racing on one
 *       quote exactly one completed, the other answered 409 QUOTE_USED; no completed transfer's answer named other
 *       amounts than its quote.</li>
 * </ul>
 */
final class FxAudit {

    /** The one outcome of a race on one quote the audit accepts: one completed, one refused as used. */
    static final String RACE_WON_ONCE = FxConversions.COMPLETED + ", " + FxConversions.QUOTE_USED;
    private static final int EXAMPLES = 5;
    private static final String SIGNED = "SUM(CASE direction WHEN 'CREDIT' THEN amount_minor ELSE -amount_minor END)";

    record Result(List<String> violations, Map<String, Object> figures) {
    }

    /**
     * What the audit found in the database and the client's book, for {@link #violations} to judge.
     *
     * @param quotesUsedTwice       quotes whose id is on the postings of more than one transaction
     * @param usedQuotes            quotes fx_quote_view shows USED
     * @param usedQuotesNotSeen     USED quotes whose transfer is not the completed one the client saw on that quote
     * @param completedInReadModel  COMPLETED cross-currency transfers in transfer_view
     * @param completedSeen         cross-currency transfers the client saw answered 201 COMPLETED
     * @param walletsDiffering      wallets not holding what the client expects, as examples "id: holds x, expected y"
     * @param currencyNets          per currency, what all its postings sum to
     * @param fxAccounts            per fx: account, what its postings sum to (credits positive)
     * @param fxAccountsExpected    the same, as the quotes the client saw imply
     * @param postingsWithoutQuote  postings of cross-currency transfers without their quote's id or rate
     */
    record Observed(long quotesUsedTwice, long usedQuotes, long usedQuotesNotSeen, long completedInReadModel,
                    long completedSeen, List<String> walletsDiffering, Map<String, Long> currencyNets,
                    Map<String, Long> fxAccounts, Map<String, Long> fxAccountsExpected, long postingsWithoutQuote,
                    Map<String, Long> spentQuoteAnswers, Map<String, Long> races, List<String> answersDiffering) {
    }

    private FxAudit() {
    }

    static Result run(Postgres postgres, Ledger ledger) throws Exception {
        FxBook book = ledger.fx();
        try (Connection db = postgres.connect()) {
            Observed observed = new Observed(
                    Audit.single(db, """
                            SELECT COUNT(*) FROM (SELECT fx_quote_id FROM ledger_entry WHERE fx_quote_id IS NOT NULL
                                                  GROUP BY fx_quote_id HAVING COUNT(DISTINCT transaction_id) > 1) twice"""),
                    Audit.single(db, "SELECT COUNT(*) FROM fx_quote_view WHERE status = 'USED'"),
                    usedQuotesNotSeen(db, book),
                    Audit.single(db, "SELECT COUNT(*) FROM transfer_view WHERE fx_quote_id IS NOT NULL AND status = 'COMPLETED'"),
                    book.conversions().size(),
                    walletsDiffering(db, book),
                    sums(db, "SELECT currency, " + SIGNED + " FROM ledger_entry GROUP BY currency"),
                    sums(db, "SELECT account, " + SIGNED + " FROM ledger_entry WHERE account LIKE 'fx:%' GROUP BY account"),
                    expectedFxAccounts(book),
                    Audit.single(db, """
                            SELECT COUNT(*) FROM ledger_entry e JOIN transfer_view t ON t.transfer_id = e.transaction_id
                            JOIN fx_quote_view q ON q.quote_id = t.fx_quote_id
                            WHERE e.fx_quote_id IS DISTINCT FROM t.fx_quote_id OR e.fx_rate IS DISTINCT FROM q.rate"""),
                    book.spentQuoteAnswers(), book.races(), book.answersDiffering());
            return new Result(violations(observed), figures(observed, sums(db,
                    "SELECT status, COUNT(*) FROM fx_quote_view GROUP BY status")));
        }
    }

    /** The audit's decision: each broken rule, in words; none when the books agree with the client's answers. */
    static List<String> violations(Observed observed) {
        List<String> violations = new ArrayList<>();
        if (observed.quotesUsedTwice() != 0) {
            violations.add(observed.quotesUsedTwice() + " quotes are on the postings of more than one transaction");
        }
        if (observed.usedQuotes() != observed.completedSeen()) {
            violations.add("%d quotes are USED, but the client saw %d cross-currency transfers completed".formatted(
                    observed.usedQuotes(), observed.completedSeen()));
        }
        if (observed.usedQuotesNotSeen() != 0) {
            violations.add(observed.usedQuotesNotSeen() + " USED quotes name another transfer than the one the client "
                    + "saw complete on them");
        }
        if (observed.completedInReadModel() != observed.completedSeen()) {
            violations.add("%d cross-currency transfers are COMPLETED in the read model, but the client saw %d"
                    .formatted(observed.completedInReadModel(), observed.completedSeen()));
        }
        if (!observed.walletsDiffering().isEmpty()) {
            violations.add("wallets do not hold what the quoted amounts imply, e.g. "
                    + observed.walletsDiffering().subList(0, Math.min(EXAMPLES, observed.walletsDiffering().size())));
        }
        observed.currencyNets().forEach((currency, net) -> {
            if (net != 0) {
                violations.add("the postings in " + currency + " sum to " + net + " minor units, not zero");
            }
        });
        TreeMap<String, Long> accounts = new TreeMap<>(observed.fxAccountsExpected());
        observed.fxAccounts().keySet().forEach(account -> accounts.putIfAbsent(account, 0L));
        accounts.forEach((account, expected) -> {
            long held = observed.fxAccounts().getOrDefault(account, 0L);
            if (held != expected) {
                violations.add("%s holds %d minor units, but the quotes the client saw imply %d".formatted(account,
                        held, expected));
            }
        });
        if (observed.postingsWithoutQuote() != 0) {
            violations.add(observed.postingsWithoutQuote() + " postings of cross-currency transfers do not name their "
                    + "quote and its rate");
        }
        observed.spentQuoteAnswers().forEach((answer, count) -> {
            if (!answer.equals(FxConversions.QUOTE_USED)) {
                violations.add(count + " transfers on a used quote were answered " + answer + ", not "
                        + FxConversions.QUOTE_USED);
            }
        });
        observed.races().forEach((outcome, count) -> {
            if (!outcome.equals(RACE_WON_ONCE)) {
                violations.add(count + " races of two transfers on one quote ended " + outcome + ", not " + RACE_WON_ONCE);
            }
        });
        if (!observed.answersDiffering().isEmpty()) {
            violations.add(observed.answersDiffering().size() + " completed transfers' answers named other amounts than "
                    + "their quotes, e.g. " + observed.answersDiffering().getFirst());
        }
        return violations;
    }

    static Map<String, Object> figures(Observed observed, Map<String, Long> quotesByStatus) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("quotesByStatus", quotesByStatus);
        figures.put("completedConversionsSeen", observed.completedSeen());
        figures.put("completedConversionsInReadModel", observed.completedInReadModel());
        figures.put("quotesUsedTwice", observed.quotesUsedTwice());
        figures.put("walletsDiffering", observed.walletsDiffering().size());
        figures.put("fxAccounts", new TreeMap<>(observed.fxAccounts()));
        figures.put("transfersOnUsedQuotes", observed.spentQuoteAnswers());
        figures.put("races", observed.races());
        return figures;
    }

    /** What the fx accounts must hold after the conversions the client saw complete. */
    static Map<String, Long> expectedFxAccounts(FxBook book) {
        Map<String, Long> accounts = new TreeMap<>();
        for (FxBook.Conversion conversion : book.conversions().values()) {
            accounts.merge("fx:liquidity:" + conversion.fromCurrency(), conversion.fromMinor() - conversion.feeMinor(),
                    Long::sum);
            accounts.merge("fx:liquidity:" + conversion.toCurrency(), -conversion.toMinor(), Long::sum);
            if (conversion.feeMinor() != 0) {
                accounts.merge("fx:revenue:" + conversion.fromCurrency(), conversion.feeMinor(), Long::sum);
            }
        }
        return accounts;
    }

    private static long usedQuotesNotSeen(Connection db, FxBook book) throws Exception {
        Map<String, String> transferByQuote = new TreeMap<>();
        book.conversions().values().forEach(c -> transferByQuote.put(c.quoteId(), c.transferId()));
        long notSeen = 0;
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT quote_id::text, transfer_id::text FROM fx_quote_view WHERE status = 'USED'")) {
            while (rows.next()) {
                if (!Objects.equals(transferByQuote.get(rows.getString(1)), rows.getString(2))) {
                    notSeen++;
                }
            }
        }
        return notSeen;
    }

    private static List<String> walletsDiffering(Connection db, FxBook book) throws Exception {
        Map<String, Long> held = sums(db, "SELECT wallet_id::text, available_minor + held_minor FROM wallet_view");
        List<String> differing = new ArrayList<>();
        book.expectedMinor().forEach((wallet, expected) -> {
            Long holds = held.get(wallet);
            if (!expected.equals(holds)) {
                differing.add("%s (%s): holds %s, expected %d".formatted(wallet, book.wallets().get(wallet).currency(),
                        holds == null ? "no row" : holds, expected));
            }
        });
        return differing;
    }

    /** A query of (name, number) rows as a map. */
    private static Map<String, Long> sums(Connection db, String sql) throws Exception {
        Map<String, Long> sums = new TreeMap<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                sums.put(rows.getString(1), rows.getLong(2));
            }
        }
        return sums;
    }
}
