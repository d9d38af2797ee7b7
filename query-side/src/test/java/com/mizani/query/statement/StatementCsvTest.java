package com.mizani.query.statement;

import com.mizani.query.statement.StatementController.Statement;
import com.mizani.query.statement.StatementController.StatementLine;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class StatementCsvTest {

    private static final UUID WALLET = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID TRANSACTION = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-02-01T00:00:00Z");
    private static final Instant AT = Instant.parse("2026-01-15T10:30:00.123456Z");

    @Test
    void aHeaderTheOpeningLineOneLinePerEntryAndTheClosingLineWithEmptyFieldsLeftEmpty() {
        Statement statement = new Statement(WALLET, "KES", FROM, TO, "0.00",
                List.of(new StatementLine(1, AT, TRANSACTION, "DEPOSIT", "CREDIT", "100.00", "100.00",
                        "provider:mpesa:settlement:KES")), "100.00");

        assertThat(StatementCsv.of(statement)).isEqualTo("""
                sequence,occurred_at,transaction_id,kind,direction,amount,balance_after,contra_account
                ,2026-01-01T00:00:00Z,,OPENING_BALANCE,,,0.00,
                1,2026-01-15T10:30:00.123456Z,00000000-0000-0000-0000-00000000000b,DEPOSIT,CREDIT,100.00,100.00,provider:mpesa:settlement:KES
                ,2026-02-01T00:00:00Z,,CLOSING_BALANCE,,,100.00,
                """);
    }

    @Test
    void aFieldHoldingTheDelimiterAQuoteOrALineBreakIsQuotedAndCannotAddAColumn() {
        Statement statement = new Statement(WALLET, "KES", FROM, TO, "1,000.00",
                List.of(new StatementLine(1, AT, TRANSACTION, "DEPOSIT", "CREDIT", "1,000.00", "1,000.00",
                        "odd \"account\"\nnext line")), "1,000.00");

        List<String> lines = StatementCsv.of(statement).lines().toList();

        assertThat(lines.get(1)).isEqualTo(",2026-01-01T00:00:00Z,,OPENING_BALANCE,,,\"1,000.00\",");
        assertThat(lines.get(2)).isEqualTo(
                "1,2026-01-15T10:30:00.123456Z,00000000-0000-0000-0000-00000000000b,DEPOSIT,CREDIT,\"1,000.00\",\"1,000.00\",\"odd \"\"account\"\"");
        assertThat(lines.get(3)).isEqualTo("next line\"");
    }
}
