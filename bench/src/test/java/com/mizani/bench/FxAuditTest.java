package com.mizani.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FxAuditTest {

    /** Books that agree with the client: 3 conversions, every try of a used quote refused, one race won once. */
    private static final FxAudit.Observed CLEAN = new FxAudit.Observed(0, 3, 0, 3, 3, List.of(),
            Map.of("KES", 0L, "USD", 0L), Map.of("fx:liquidity:KES", 9_950L, "fx:liquidity:USD", -77L),
            Map.of("fx:liquidity:KES", 9_950L, "fx:liquidity:USD", -77L), 0, Map.of("409 QUOTE_USED", 2L),
            Map.of("201, 409 QUOTE_USED", 1L), List.of());

    @Test
    void booksThatAgreeWithTheClientPass() {
        assertThat(FxAudit.violations(CLEAN)).isEmpty();
    }

    @Test
    void aQuoteOnTwoTransactionsOrMoreUsedQuotesThanCompletedTransfersFail() {
        assertThat(FxAudit.violations(new FxAudit.Observed(1, 4, 1, 3, 3, List.of(), CLEAN.currencyNets(),
                CLEAN.fxAccounts(), CLEAN.fxAccountsExpected(), 0, CLEAN.spentQuoteAnswers(), CLEAN.races(),
                List.of()))).containsExactly(
                "1 quotes are on the postings of more than one transaction",
                "4 quotes are USED, but the client saw 3 cross-currency transfers completed",
                "1 USED quotes name another transfer than the one the client saw complete on them");
    }

    @Test
    void aWalletOffItsQuotedAmountsOrACurrencyNotSummingToZeroFails() {
        assertThat(FxAudit.violations(new FxAudit.Observed(0, 3, 0, 2, 3, List.of("w1 (KES): holds 5, expected 6"),
                Map.of("KES", 0L, "USD", 1L), Map.of("fx:liquidity:KES", 9_950L),
                CLEAN.fxAccountsExpected(), 2, CLEAN.spentQuoteAnswers(), CLEAN.races(), List.of()))).containsExactly(
                "2 cross-currency transfers are COMPLETED in the read model, but the client saw 3",
                "wallets do not hold what the quoted amounts imply, e.g. [w1 (KES): holds 5, expected 6]",
                "the postings in USD sum to 1 minor units, not zero",
                "fx:liquidity:USD holds 0 minor units, but the quotes the client saw imply -77",
                "2 postings of cross-currency transfers do not name their quote and its rate");
    }

    @Test
    void aUsedQuoteAcceptedAgainOrARaceWonTwiceFails() {
        assertThat(FxAudit.violations(new FxAudit.Observed(0, 3, 0, 3, 3, List.of(), CLEAN.currencyNets(),
                CLEAN.fxAccounts(), CLEAN.fxAccountsExpected(), 0,
                Map.of("409 QUOTE_USED", 1L, "201", 1L), Map.of("201, 201", 1L, "201, 409 QUOTE_USED", 2L),
                List.of("transfer t on quote q credited 1.00 USD, the quote said 1.01")))).containsExactly(
                "1 transfers on a used quote were answered 201, not 409 QUOTE_USED",
                "1 races of two transfers on one quote ended 201, 201, not 201, 409 QUOTE_USED",
                "1 completed transfers' answers named other amounts than their quotes, e.g. transfer t on quote q "
                        + "credited 1.00 USD, the quote said 1.01");
    }

    @Test
    void theFxAccountsMustHoldTheConvertedAmountsInThePaidOutAmountsOutAndTheFees() {
        FxBook book = new FxBook();
        book.completed(new FxBook.Conversion("t1", "q1", "kes", "KES", 150_000, 747, "usd", "USD", 1_155));
        book.completed(new FxBook.Conversion("t2", "q2", "usd", "USD", 1_000, 5, "kes", "KES", 128_000));

        assertThat(FxAudit.expectedFxAccounts(book)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "fx:liquidity:KES", 149_253L - 128_000L,
                "fx:liquidity:USD", 995L - 1_155L,
                "fx:revenue:KES", 747L,
                "fx:revenue:USD", 5L));
    }

    @Test
    void eachWalletMustHoldItsFundingLessWhatItPaidPlusWhatItWasPaid() {
        FxBook book = new FxBook();
        book.funded("kes", new FxBook.Funded("KES", 1_000_000));
        book.funded("usd", new FxBook.Funded("USD", 10_000));
        book.funded("idle", new FxBook.Funded("UGX", 300));
        book.completed(new FxBook.Conversion("t1", "q1", "kes", "KES", 150_000, 747, "usd", "USD", 1_155));
        book.completed(new FxBook.Conversion("t2", "q2", "usd", "USD", 1_000, 5, "kes", "KES", 128_000));

        assertThat(book.expectedMinor()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "kes", 1_000_000L - 150_000L + 128_000L, "usd", 10_000L + 1_155L - 1_000L, "idle", 300L));
        assertThat(book.walletNetMinor()).isEqualTo(1_155 - 150_000 + 128_000 - 1_000);
    }

    @Test
    void aRaceIsKnownByItsAnswersWhateverTheirOrder() {
        FxBook book = new FxBook();
        book.raced(List.of("409 QUOTE_USED", "201"));
        book.raced(List.of("201", "409 QUOTE_USED"));

        assertThat(book.races()).containsExactly(Map.entry(FxAudit.RACE_WON_ONCE, 2L));
    }
}
