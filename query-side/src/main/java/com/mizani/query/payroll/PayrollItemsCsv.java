package com.mizani.query.payroll;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A payroll job's items as CSV, UTF-8 (RFC 4180 quoting, lines ended by LF): a header, then a line per item, with a
 * column per field of {@link PayrollItemView}, in the record's order and named as in its JSON; a null field is left
 * empty. A field that holds the delimiter, a quote or a line break is quoted by the library, so no value can shift or
 * add a column.
 *
 * <p>A reference is the job creator's own text, and the report is meant to be opened in a spreadsheet, which would
 * compute a cell that starts with {@code =}, {@code +}, {@code -} or {@code @} (or a tab or carriage return) as a
 * formula: CSV injection. Such a text is written with an apostrophe before it, which a spreadsheet shows as text.
 */
final class PayrollItemsCsv {

    /** The columns, in the order of the view's fields: a field the view gains gets its column here. */
    private static final List<Column> COLUMNS = List.of(
            new Column("index", PayrollItemView::index),
            new Column("reference", PayrollItemView::reference),
            new Column("amount", PayrollItemView::amount),
            new Column("currency", PayrollItemView::currency),
            new Column("walletId", PayrollItemView::walletId),
            new Column("msisdn", PayrollItemView::msisdn),
            new Column("status", PayrollItemView::status),
            new Column("transferId", PayrollItemView::transferId),
            new Column("paymentId", PayrollItemView::paymentId),
            new Column("receipt", PayrollItemView::receipt),
            new Column("failureCode", PayrollItemView::failureCode),
            new Column("providerResultCode", PayrollItemView::providerResultCode),
            new Column("failureReason", PayrollItemView::failureReason));

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader(COLUMNS.stream().map(Column::name).toArray(String[]::new))
            .setRecordSeparator('\n')
            .get();

    private record Column(String name, Function<PayrollItemView, Object> field) {
    }

    private PayrollItemsCsv() {
    }

    /** The header, then every item, as the stream gives them; {@code out} is flushed, not closed. */
    static void write(Stream<PayrollItemView> items, OutputStream out) throws IOException {
        Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        CSVPrinter printer = new CSVPrinter(text, FORMAT);
        for (PayrollItemView item : (Iterable<PayrollItemView>) items::iterator) {
            printer.printRecord(COLUMNS.stream().map(column -> cell(column.field().apply(item))));
        }
        printer.flush();
    }

    /** Text that a spreadsheet would take for a formula, made plain text; other values (numbers, ids) as they are. */
    private static Object cell(Object value) {
        if (value instanceof String text && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return value;
    }
}
