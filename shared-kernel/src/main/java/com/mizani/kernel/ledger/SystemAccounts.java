package com.mizani.kernel.ledger;

import com.mizani.kernel.money.CurrencyCode;

/**
 * Names of the system (contra) accounts. They are not aggregates: nothing about them needs protecting,
 * so their postings are implied by the wallet events that name them and their balances are derived.
 */
public final class SystemAccounts {

    private SystemAccounts() {
    }

    /** Holds money between the debit and the credit leg of a transfer. */
    public static String transit(CurrencyCode currency) {
        return "transit:" + currency;
    }

    /** What a provider owes us (or we owe it) for money that entered or left through it. */
    public static String providerSettlement(String provider, CurrencyCode currency) {
        return "provider:" + provider + ":settlement:" + currency;
    }

    /** Fees earned on payouts. */
    public static String fees(CurrencyCode currency) {
        return "fees:" + currency;
    }

    /**
     * The other side of manual corrections approved under four eyes: an adjustment that credits a wallet debits this
     * account, one that debits a wallet credits it.
     */
    public static String adjustments(CurrencyCode currency) {
        return "adjustments:" + currency;
    }

    /**
     * What customers owe us: money the provider paid out for them after we had given it back to a wallet that no
     * longer holds it. Each entry's contra account is the wallet that owes.
     */
    public static String receivable(CurrencyCode currency) {
        return "receivable:" + currency;
    }

    /**
     * Mizani's own stock of a currency for conversions: a cross-currency transfer pays into the source currency's
     * liquidity account and out of the destination currency's, so each currency's postings still sum to zero.
     */
    public static String fxLiquidity(CurrencyCode currency) {
        return "fx:liquidity:" + currency;
    }

    /** The fee (spread) earned on conversions, in the source currency. */
    public static String fxRevenue(CurrencyCode currency) {
        return "fx:revenue:" + currency;
    }
}
