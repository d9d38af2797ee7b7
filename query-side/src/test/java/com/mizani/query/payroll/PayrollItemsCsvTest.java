package com.mizani.query.payroll;

import com.mizani.kernel.payroll.PayrollItemStatus;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PayrollItemsCsvTest {

    private static final UUID WALLET = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID TRANSFER = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    @Test
    void aColumnPerFieldOfTheViewInItsOrderAndNullsLeftEmpty() {
        String csv = csv(new PayrollItemView(0, "EMP-1", "10.00", "KES", WALLET, null, PayrollItemStatus.FAILED,
                        TRANSFER, null, null, "WALLET_CLOSED", null, null),
                new PayrollItemView(1, "EMP-2", "12.50", "KES", null, "2547*****149", PayrollItemStatus.PENDING, null,
                        null, null, null, null, null));

        String header = Arrays.stream(PayrollItemView.class.getRecordComponents()).map(RecordComponent::getName)
                .reduce((left, right) -> left + "," + right).orElseThrow();
        assertThat(csv).isEqualTo(header + "\n"
                + "0,EMP-1,10.00,KES,00000000-0000-0000-0000-00000000000a,,FAILED,"
                + "00000000-0000-0000-0000-00000000000b,,,WALLET_CLOSED,,\n"
                + "1,EMP-2,12.50,KES,,2547*****149,PENDING,,,,,,\n");
        assertThat(header).startsWith("index,reference,amount,");
    }

    @Test
    void aReferenceHoldingTheDelimiterAQuoteOrALineBreakIsQuotedAndCannotAddAColumn() {
        List<String> lines = csv(item("EMP, \"senior\"\nnext line")).lines().toList();

        assertThat(lines.get(1)).isEqualTo("0,\"EMP, \"\"senior\"\"");
        assertThat(lines.get(2)).isEqualTo("next line\",10.00,KES,00000000-0000-0000-0000-00000000000a,,COMPLETED,"
                + "00000000-0000-0000-0000-00000000000b,,,,,");
    }

    @Test
    void aReferenceASpreadsheetWouldComputeIsWrittenAsTextAndOthersAsTheyAre() {
        assertThat(Stream.of("=HYPERLINK(\"http://x\")", "+1", "-1", "@SUM(A1)", "\tEMP", "\rEMP", "EMP-=1", "'quoted")
                .map(PayrollItemsCsvTest::referenceCell))
                .containsExactly("\"'=HYPERLINK(\"\"http://x\"\")\"", "'+1", "'-1", "'@SUM(A1)", "'\tEMP",
                        "\"'\rEMP\"", "EMP-=1", "'quoted");
    }

    /** The reference's cell as the CSV holds it, quotes and all. */
    private static String referenceCell(String reference) {
        String csv = csv(item(reference));
        String line = csv.substring(csv.indexOf('\n') + 1);
        return line.substring("0,".length(), line.indexOf(",10.00,"));
    }

    private static PayrollItemView item(String reference) {
        return new PayrollItemView(0, reference, "10.00", "KES", WALLET, null, PayrollItemStatus.COMPLETED, TRANSFER,
                null, null, null, null, null);
    }

    private static String csv(PayrollItemView... items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PayrollItemsCsv.write(Stream.of(items), out);
        } catch (IOException impossible) {
            throw new AssertionError(impossible);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
