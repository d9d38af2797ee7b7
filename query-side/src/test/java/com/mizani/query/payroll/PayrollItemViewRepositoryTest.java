package com.mizani.query.payroll;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.payroll.PayrollItem;
import com.mizani.kernel.payroll.PayrollItemResult;
import com.mizani.kernel.payroll.PayrollItemStatus;
import com.mizani.query.support.ProjectionDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A job's items read whole, a chunk at a time, for its CSV report. */
@ExtendWith(ProjectionDatabase.class)
class PayrollItemViewRepositoryTest {

    private final PayrollItemViewRepository items;

    PayrollItemViewRepositoryTest(DataSource dataSource) {
        items = new PayrollItemViewRepository(new JdbcTemplate(dataSource), JdbcClient.create(dataSource));
    }

    @Test
    void everyItemOfTheJobInItsOrderWhateverTheChunkSize() {
        UUID job = UUID.randomUUID();
        items.added(job, 0, items(7));
        items.added(UUID.randomUUID(), 0, items(3));

        for (int chunk : new int[]{1, 3, 7, 8, 1_000}) {
            assertThat(items.all(job, null, chunk).map(PayrollItemView::index)).as("chunks of %d", chunk)
                    .containsExactly(0, 1, 2, 3, 4, 5, 6);
        }
    }

    @Test
    void onlyTheItemsOfTheStatusAsked() {
        UUID job = UUID.randomUUID();
        items.added(job, 0, items(6));
        items.paid(job, IntStream.range(0, 6).mapToObj(index -> index % 2 == 1
                ? new PayrollItemResult(index, UUID.randomUUID(), PayrollItemStatus.FAILED, ErrorCode.WALLET_CLOSED)
                : new PayrollItemResult(index, UUID.randomUUID(), PayrollItemStatus.COMPLETED, null)).toList());

        assertThat(items.all(job, PayrollItemStatus.FAILED, 2).map(PayrollItemView::index)).containsExactly(1, 3, 5);
        assertThat(items.all(job, PayrollItemStatus.FAILED, 2).map(PayrollItemView::failureCode))
                .containsOnly("WALLET_CLOSED");
        assertThat(items.all(job, PayrollItemStatus.PENDING, 2)).isEmpty();
    }

    private static List<PayrollItem> items(int count) {
        return IntStream.range(0, count).mapToObj(index -> new PayrollItem("EMP-" + index,
                Money.of(100 + index, CurrencyCode.KES), UUID.randomUUID(), null)).toList();
    }
}
