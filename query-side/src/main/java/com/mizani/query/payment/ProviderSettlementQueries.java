package com.mizani.query.payment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the read side knows about money owed between us and a provider, for reconciliation. */
@Component
public class ProviderSettlementQueries {

    private final JdbcClient jdbc;

    public ProviderSettlementQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The account's balance as credits minus debits: a settlement account is credited when a payout leaves a wallet
     * and debited when a deposit enters one, so this is what the provider paid out for us minus what it received.
     */
    public long balanceMinor(String account) {
        return jdbc.sql("""
                        SELECT COALESCE(SUM(CASE WHEN direction = 'CREDIT' THEN amount_minor ELSE -amount_minor END), 0)
                        FROM ledger_entry WHERE account = ?""")
                .param(account)
                .query(Long.class)
                .single();
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
