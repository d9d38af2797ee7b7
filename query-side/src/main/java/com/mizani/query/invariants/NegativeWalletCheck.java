package com.mizani.query.invariants;

import com.mizani.query.support.Amounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/** No customer wallet's projected available or held balance is below zero. */
@Component
public class NegativeWalletCheck {

    private final JdbcClient jdbc;

    public NegativeWalletCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record NegativeWallet(UUID walletId, String currency, String available, String held) {
    }

    /** @param count every negative wallet, of which {@code wallets} lists the first few */
    public record Result(long count, List<NegativeWallet> wallets) {
    }

    public Result check(int maxReported) {
        long count = jdbc.sql("SELECT COUNT(*) FROM wallet_view WHERE available_minor < 0 OR held_minor < 0")
                .query(Long.class).single();
        if (count == 0) {
            return new Result(0, List.of());
        }
        List<NegativeWallet> wallets = jdbc.sql("""
                        SELECT wallet_id, currency, available_minor, held_minor FROM wallet_view
                        WHERE available_minor < 0 OR held_minor < 0 ORDER BY wallet_id LIMIT ?""")
                .param(maxReported)
                .query((rs, row) -> {
                    String currency = rs.getString("currency");
                    return new NegativeWallet(rs.getObject("wallet_id", UUID.class), currency,
                            Amounts.format(rs.getLong("available_minor"), currency),
                            Amounts.format(rs.getLong("held_minor"), currency));
                })
                .list();
        return new Result(count, wallets);
    }
}
