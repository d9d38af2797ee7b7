package com.mizani.command.payroll;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a payroll job sent as CSV (RFC 4180: fields in double quotes may hold commas, quotes doubled, line breaks;
 * records end in CRLF or LF). The body must be UTF-8, with or without a byte order mark, and its first record the
 * header {@code reference,amount,currency,walletId,msisdn}. A body that is no such table is refused whole
 * (PAYROLL_CSV_INVALID); a record with the wrong number of fields is an error of its line, as a bad field is.
 */
final class PayrollCsv {

    static final List<String> HEADER = List.of("reference", "amount", "currency", "walletId", "msisdn");

    private static final char BOM = '\uFEFF';
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(true)
            .setTrim(false)
            .get();

    private PayrollCsv() {
    }

    /**
     * The lines, at most {@code maxLines} of them; more is BATCH_TOO_LARGE, found without reading the rest.
     */
    static List<PayrollLine> read(byte[] body, int maxLines) {
        String text = utf8(body);
        if (!text.isEmpty() && text.charAt(0) == BOM) {
            text = text.substring(1);
        }
        List<PayrollLine> lines = new ArrayList<>();
        List<PayrollJobInvalid.LineError> wrongWidth = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
            boolean header = true;
            for (CSVRecord record : parser) {
                if (header) {
                    requireHeader(record);
                    header = false;
                    continue;
                }
                if (lines.size() + wrongWidth.size() >= maxLines) {
                    throw new MizaniException(ErrorCode.BATCH_TOO_LARGE,
                            "a payroll job holds at most " + maxLines + " items: split it");
                }
                int line = Math.toIntExact(record.getRecordNumber());
                if (record.size() != HEADER.size()) {
                    wrongWidth.add(new PayrollJobInvalid.LineError(line, null, ErrorCode.PAYROLL_CSV_INVALID));
                    continue;
                }
                lines.add(new PayrollLine(line, record.get(0), record.get(1), record.get(2), record.get(3), record.get(4)));
            }
            if (header) {
                throw invalid("the CSV is empty; its first line must be the header " + String.join(",", HEADER));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException unreadable) {
            // Commons CSV reports broken quoting (a quote that never closes, text after a closing quote) this way.
            throw invalid("the CSV cannot be read: " + unreadable.getMessage());
        }
        if (!wrongWidth.isEmpty()) {
            throw new PayrollJobInvalid(wrongWidth);
        }
        return lines;
    }

    private static void requireHeader(CSVRecord record) {
        List<String> names = record.toList();
        if (!names.equals(HEADER)) {
            throw invalid("the first line must be the header " + String.join(",", HEADER));
        }
    }

    /** Strictly: a byte sequence that is not UTF-8 is refused, never replaced. */
    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            throw invalid("the CSV body must be UTF-8");
        }
    }

    private static MizaniException invalid(String detail) {
        return new MizaniException(ErrorCode.PAYROLL_CSV_INVALID, detail);
    }
}
