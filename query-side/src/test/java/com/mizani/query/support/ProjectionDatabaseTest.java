package com.mizani.query.support;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The harness itself: the schema is the migrated one, and every test starts from empty tables. */
@ExtendWith(ProjectionDatabase.class)
class ProjectionDatabaseTest {

    private final JdbcClient jdbc;

    ProjectionDatabaseTest(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Test
    void theSchemaHoldsAxonsTablesAndTheViews() {
        assertThat(jdbc.sql("SELECT to_regclass(?) IS NOT NULL").param("domain_event_entry").query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT to_regclass(?) IS NOT NULL").param("ledger_entry").query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT to_regclass(?) IS NOT NULL").param("adjustment_view").query(Boolean.class).single()).isTrue();
    }

    /** Repeated: whichever repetition runs second finds the first one's rows gone, the immutable event store's too. */
    @RepeatedTest(2)
    void everyTestStartsFromEmptyTables() {
        assertThat(jdbc.sql("SELECT count(*) FROM wallet_view").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single()).isZero();

        jdbc.sql("""
                        INSERT INTO wallet_view (wallet_id, owner_id, currency, status, available_minor, held_minor,
                                                 version, opened_at, updated_at)
                        VALUES (?, ?, 'KES', 'ACTIVE', 0, 0, 0, now(), now())""")
                .params(UUID.randomUUID(), UUID.randomUUID()).update();
        jdbc.sql("""
                        INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                                                        time_stamp, payload_type, payload)
                        VALUES (?, 'wallet', 0, '2026-01-01T00:00:00Z', 'Test', '\\x00'::bytea)""")
                .param(UUID.randomUUID().toString()).update();
        assertThat(jdbc.sql("SELECT count(*) FROM wallet_view").query(Long.class).single()).isOne();
    }
}
