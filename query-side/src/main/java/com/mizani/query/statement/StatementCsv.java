package com.mizani.query.statement;

import com.mizani.query.statement.StatementController.Statement;
import com.mizani.query.statement.StatementController.StatementLine;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A statement as CSV (RFC 4180 quoting, lines ended by LF): a header, an OPENING_BALANCE line at the period's start,
 * one line per entry, a CLOSING_BALANCE line at its end. A field that holds the delimiter, a quote or a line break is
 * quoted by the library, so no value can shift or add a column; the fields a line does not have are left empty.
 */
final class StatementCsv {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader("sequence", "occurred_at", "transaction_id", "kind", "direction", "amount", "balance_after",
                    "contra_account")
            .setRecordSeparator('\n')
            .get();

    private StatementCsv() {
    }

    static String of(Statement statement) {
        StringBuilder csv = new StringBuilder();
        // Empty fields are nulls: the library quotes an empty string that starts a line, and writes a null as nothing.
        try (CSVPrinter printer = new CSVPrinter(csv, FORMAT)) {
            printer.printRecord(null, statement.from(), null, "OPENING_BALANCE", null, null, statement.openingBalance(), null);
            for (StatementLine line : statement.entries()) {
                printer.printRecord(line.sequence(), line.occurredAt(), line.transactionId(), line.kind(),
                        line.direction(), line.amount(), line.balanceAfter(), line.contraAccount());
            }
            printer.printRecord(null, statement.to(), null, "CLOSING_BALANCE", null, null, statement.closingBalance(), null);
        } catch (IOException impossible) {
            throw new UncheckedIOException("a StringBuilder does not fail", impossible);
        }
        return csv.toString();
    }
}
