package com.mizani.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.mizani.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every ledger entry carries a hash chained over the wallet's previous entry, and the chain check recomputes the
 * entries from the events: a row altered in the read model behind the application's back is found and named.
 */
class HashChainTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    /** The newest entries may not be projected yet right after a movement: that is no broken chain. */
    @Test
    void aChainCheckedRightAfterAMovementIsValid() {
        String wallet = api.openWallet("KES");
        api.deposit(wallet, "100.00", "KES");

        JsonNode chain = api.get("/api/v1/audit/wallets/" + wallet + "/chain").json();

        assertThat(chain.path("valid").asBoolean()).as(chain.toString()).isTrue();
        assertThat(chain.path("entriesChecked").asInt()).isEqualTo(2);
    }

    @Test
    void everyEntryIsHashedAndAnUntouchedWalletsChainIsValid() {
        String wallet = api.openWallet("KES");
        String other = api.openWallet("KES");
        api.deposit(wallet, "100.00", "KES");
        api.transfer(UUID.randomUUID().toString(), wallet, other, "30.00", "KES");
        api.deposit(wallet, "5.50", "KES");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.available(wallet)).isEqualTo("75.50"));

        JsonNode chain = api.get("/api/v1/audit/wallets/" + wallet + "/chain").json();

        assertThat(chain.path("valid").asBoolean()).as(chain.toString()).isTrue();
        assertThat(chain.path("entriesChecked").asInt()).isEqualTo(6);
        assertThat(chain.path("firstDifference").isNull()).isTrue();
        List<String> hashes = jdbc.queryForList("""
                SELECT entry_hash FROM ledger_entry WHERE event_id IN
                    (SELECT event_id FROM ledger_entry WHERE account = ?)""", String.class, wallet);
        assertThat(hashes).hasSize(6).allMatch(hash -> hash.matches("[0-9a-f]{64}")).doesNotHaveDuplicates();
    }

    @Test
    void anAmountChangedInTheReadModelIsReportedAtThatEntry() {
        String wallet = walletWithDeposits("10.00", "20.00", "30.00");
        long second = sequenceOfEntry(wallet, 1);
        jdbc.update("UPDATE ledger_entry SET amount_minor = amount_minor + 100000 WHERE account = ? AND wallet_sequence = ?",
                wallet, second);
        try {
            JsonNode chain = api.get("/api/v1/audit/wallets/" + wallet + "/chain").json();

            assertThat(chain.path("valid").asBoolean()).isFalse();
            JsonNode difference = chain.path("firstDifference");
            assertThat(difference.path("walletSequence").asLong()).isEqualTo(second);
            assertThat(difference.path("account").asText()).isEqualTo(wallet);
            assertThat(difference.path("field").asText()).isEqualTo("amount_minor");
            assertThat(difference.path("expected").asText()).isEqualTo("2000");
            assertThat(difference.path("stored").asText()).isEqualTo("102000");
            assertThat(chain.path("entriesChecked").asInt()).isEqualTo(2);
        } finally {
            jdbc.update("UPDATE ledger_entry SET amount_minor = amount_minor - 100000 WHERE account = ? AND wallet_sequence = ?",
                    wallet, second);
        }
        assertThat(api.get("/api/v1/audit/wallets/" + wallet + "/chain").json().path("valid").asBoolean()).isTrue();
    }

    @Test
    void aChangedContraEntryAndAForgedEntryAreReported() {
        String wallet = walletWithDeposits("10.00", "20.00");
        String firstEvent = jdbc.queryForObject(
                "SELECT event_id FROM ledger_entry WHERE account = ? ORDER BY wallet_sequence LIMIT 1", String.class, wallet);
        jdbc.update("UPDATE ledger_entry SET direction = 'CREDIT' WHERE event_id = ? AND posting_index = 1", firstEvent);
        try {
            JsonNode difference = api.get("/api/v1/audit/wallets/" + wallet + "/chain").json().path("firstDifference");
            assertThat(difference.path("eventId").asText()).isEqualTo(firstEvent);
            assertThat(difference.path("postingIndex").asInt()).isEqualTo(1);
            assertThat(difference.path("field").asText()).isEqualTo("direction");
        } finally {
            jdbc.update("UPDATE ledger_entry SET direction = 'DEBIT' WHERE event_id = ? AND posting_index = 1", firstEvent);
        }

        // A forged entry, copied from a real one with another event id: no event accounts for it.
        jdbc.update("""
                INSERT INTO ledger_entry (account, is_wallet, currency, transaction_id, kind, direction, amount_minor,
                                          balance_after_minor, contra_account, occurred_at, event_id, event_position,
                                          posting_index, wallet_sequence, entry_hash)
                SELECT account, is_wallet, currency, transaction_id, kind, direction, amount_minor, balance_after_minor,
                       contra_account, occurred_at, 'forged-' || event_id, event_position, posting_index,
                       wallet_sequence + 100, entry_hash
                FROM ledger_entry WHERE event_id = ? AND posting_index = 0""", firstEvent);
        try {
            JsonNode chain = api.get("/api/v1/audit/wallets/" + wallet + "/chain").json();
            assertThat(chain.path("valid").asBoolean()).isFalse();
            assertThat(chain.path("firstDifference").path("field").asText()).isEqualTo("unexpected");
            assertThat(chain.path("firstDifference").path("eventId").asText()).isEqualTo("forged-" + firstEvent);
        } finally {
            jdbc.update("DELETE FROM ledger_entry WHERE event_id = ?", "forged-" + firstEvent);
        }
    }

    @Test
    void unknownWalletsAreNotFoundAndBadIdsAreRefused() {
        var unknown = api.get("/api/v1/audit/wallets/" + UUID.randomUUID() + "/chain");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("WALLET_NOT_FOUND");
        var malformed = api.get("/api/v1/audit/wallets/not-a-uuid/chain");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.isProblem()).isTrue();
    }

    private String walletWithDeposits(String... amounts) {
        String wallet = api.openWallet("KES");
        for (String amount : amounts) {
            assertThat(api.deposit(wallet, amount, "KES").status()).isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM ledger_entry WHERE account = ?", Integer.class, wallet) == amounts.length);
        return wallet;
    }

    private long sequenceOfEntry(String wallet, int index) {
        return jdbc.queryForList("SELECT wallet_sequence FROM ledger_entry WHERE account = ? ORDER BY wallet_sequence",
                Long.class, wallet).get(index);
    }
}
