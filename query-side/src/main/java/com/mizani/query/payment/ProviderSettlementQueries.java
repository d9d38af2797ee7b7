package com.mizani.query.payment;

import com.mizani.query.ledger.LedgerEntryRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the read side knows about money owed between us and a provider, for reconciliation. */
@Component
public class ProviderSettlementQueries {

    private final JdbcClient jdbc;
    private final LedgerEntryRepository entries;

    public ProviderSettlementQueries(JdbcClient jdbc, LedgerEntryRepository entries) {
        this.jdbc = jdbc;
        this.entries = entries;
    }

    /**
     * The account's balance as credits minus debits: a settlement account is credited when a payout leaves a wallet
     * and debited when a deposit enters one, so this is what the provider paid out for us minus what it received.
     */
    public long balanceMinor(String account) {
        return entries.accountBalanceMinor(account);
    }

    /** Provider payments whose outcome is not known yet: money may be moving at the provider but not in our ledger. */
    public long openProviderPayments() {
        return jdbc.sql("""
                        SELECT count(*) FROM payment_view
                        WHERE method <> 'CASH' AND status IN ('REQUESTED', 'RESERVED', 'SUBMITTED', 'AMBIGUOUS')""")
                .query(Long.class)
                .single();
    }

    /** Provider payments waiting for an operator; their money is at the provider but not (yet) in our ledger. */
    public long paymentsInReview() {
        return jdbc.sql("SELECT count(*) FROM payment_view WHERE method <> 'CASH' AND status = 'MANUAL_REVIEW'")
                .query(Long.class)
                .single();
    }
}
