package com.mizani.app.ledger;

import com.mizani.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The application's own database role cannot change or remove a stored event. */
class ImmutableEventsTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void updatingDeletingOrTruncatingStoredEventsIsRefused() {
        String wallet = api.openWallet("KES");
        api.deposit(wallet, "9.00", "KES");
        long events = countEvents(wallet);

        assertThatThrownBy(() -> jdbc.sql("UPDATE domain_event_entry SET payload = payload WHERE aggregate_identifier = ?")
                .param(wallet).update()).rootCause().hasMessageContaining("stored events are immutable");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(wallet).update()).rootCause().hasMessageContaining("stored events are immutable");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE domain_event_entry").update())
                .rootCause().hasMessageContaining("stored events are immutable");

        assertThat(events).isEqualTo(2);
        assertThat(countEvents(wallet)).isEqualTo(events);
    }

    private long countEvents(String aggregateId) {
        return jdbc.sql("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(aggregateId).query(Long.class).single();
    }
}
