package com.mizani.query.transfer;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.transfer.FindTransferStatusQuery;
import com.mizani.kernel.transfer.TransferCompletedEvent;
import com.mizani.kernel.transfer.TransferFailedEvent;
import com.mizani.kernel.transfer.TransferRejectedEvent;
import com.mizani.kernel.transfer.TransferRequestedEvent;
import com.mizani.kernel.transfer.TransferStatus;
import com.mizani.kernel.transfer.TransferStatusUpdate;
import com.mizani.kernel.transfer.TransferView;
import com.mizani.query.live.RecordedStatusUpdates;
import com.mizani.query.support.ProjectionDatabase;
import com.mizani.query.support.ProjectionRunner;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.mizani.query.Replays.assertReplaysChangeNothing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/** The transfer view from events alone, a batch at a time as Axon delivers them, against the migrated schema. */
@ExtendWith(ProjectionDatabase.class)
class TransferProjectionTest {

    private static final Money AMOUNT = Money.of(12_550, CurrencyCode.KES);

    private final JdbcClient jdbc;
    private final TransferViewRepository transfers;
    private final RecordedStatusUpdates statusUpdates = new RecordedStatusUpdates();
    private final ProjectionRunner runner;

    TransferProjectionTest(DataSource dataSource) {
        jdbc = JdbcClient.create(dataSource);
        transfers = new TransferViewRepository(new JdbcTemplate(dataSource), jdbc);
        runner = new ProjectionRunner(new TransferProjection(transfers, statusUpdates), dataSource);
    }

    @Test
    void aTransferRequestedAndCompletedInOneBatchIsOneFinishedRow() {
        UUID transfer = UUID.randomUUID();
        UUID source = UUID.randomUUID();
        UUID destination = UUID.randomUUID();
        List<EventMessage<?>> events = List.of(
                transfer(transfer, new TransferRequestedEvent(transfer, source, destination, AMOUNT, "hash")),
                transfer(transfer, new TransferCompletedEvent(transfer)));

        runner.deliver(events);

        TransferViewRow row = transfers.find(transfer).orElseThrow();
        assertThat(row).extracting(TransferViewRow::sourceWalletId, TransferViewRow::destinationWalletId, TransferViewRow::amount,
                        TransferViewRow::status, TransferViewRow::failureCode, TransferViewRow::version)
                .containsExactly(source, destination, AMOUNT, TransferStatus.COMPLETED, null, 1L);
        assertThat(row.requestedAt()).isCloseTo(events.get(0).getTimestamp(), within(1, ChronoUnit.MICROS));
        assertThat(row.finishedAt()).isCloseTo(events.get(1).getTimestamp(), within(1, ChronoUnit.MICROS));
        assertThat(jdbc.sql("SELECT projected_at IS NOT NULL FROM transfer_view").query(Boolean.class).single()).isTrue();

        TransferView view = new TransferQueryController(transfers).transfer(transfer);
        assertThat(view.amount()).isEqualTo("125.50");
        assertThat(view.currency()).isEqualTo("KES");
        assertThat(statusUpdates.all(TransferStatusUpdate.class))
                .extracting(TransferStatusUpdate::status, TransferStatusUpdate::sequence)
                .containsExactly(tuple(TransferStatus.REQUESTED, 0L), tuple(TransferStatus.COMPLETED, 1L));
        assertThat(new TransferStatusQueryHandler(transfers).status(new FindTransferStatusQuery(transfer)).orElseThrow())
                .extracting(TransferStatusUpdate::status, TransferStatusUpdate::at, TransferStatusUpdate::sequence)
                .containsExactly(TransferStatus.COMPLETED, events.get(1).getTimestamp().truncatedTo(ChronoUnit.MILLIS), 1L);
    }

    @Test
    void aRefusedTransferKeepsItsCodeAndTheReasonCutToItsColumn() {
        UUID rejected = UUID.randomUUID();
        UUID failed = UUID.randomUUID();
        String reason = "destination refused the credit; ".repeat(20);

        runner.deliver(List.of(
                transfer(rejected, new TransferRequestedEvent(rejected, UUID.randomUUID(), UUID.randomUUID(), AMOUNT, "h1")),
                transfer(rejected, new TransferRejectedEvent(rejected, ErrorCode.INSUFFICIENT_FUNDS, "available 1.00 KES")),
                transfer(failed, new TransferRequestedEvent(failed, UUID.randomUUID(), UUID.randomUUID(), AMOUNT, "h2")),
                transfer(failed, new TransferFailedEvent(failed, ErrorCode.WALLET_FROZEN, reason))));

        assertThat(transfers.find(rejected).orElseThrow())
                .extracting(TransferViewRow::status, TransferViewRow::failureCode, TransferViewRow::failureReason)
                .containsExactly(TransferStatus.REJECTED, ErrorCode.INSUFFICIENT_FUNDS, "available 1.00 KES");
        assertThat(transfers.find(failed).orElseThrow())
                .extracting(TransferViewRow::status, TransferViewRow::failureCode, TransferViewRow::failureReason)
                .containsExactly(TransferStatus.FAILED, ErrorCode.WALLET_FROZEN, reason.substring(0, 512));
    }

    /** The view only moves forward: a redelivered request or outcome changes nothing. */
    @Test
    void aRedeliveredEventChangesNothing() {
        UUID transfer = UUID.randomUUID();
        EventMessage<?> requested = transfer(transfer,
                new TransferRequestedEvent(transfer, UUID.randomUUID(), UUID.randomUUID(), AMOUNT, "hash"));
        EventMessage<?> completed = transfer(transfer, new TransferCompletedEvent(transfer));
        runner.deliver(List.of(requested));
        runner.deliver(List.of(completed));
        List<Map<String, Object>> before = rows();

        runner.deliver(List.of(requested, completed));
        runner.deliver(List.of(requested));

        assertThat(rows()).isEqualTo(before);
    }

    /** Every event twice, and a reset then a replay one by one, give the same rows as the first delivery. */
    @Test
    void replayingTheEventsGivesTheSameRows() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        UUID open = UUID.randomUUID();
        UUID wallet = UUID.randomUUID();
        List<EventMessage<?>> events = List.of(
                transfer(first, new TransferRequestedEvent(first, wallet, UUID.randomUUID(), AMOUNT, "h1")),
                transfer(second, new TransferRequestedEvent(second, UUID.randomUUID(), wallet, AMOUNT, "h2")),
                transfer(first, new TransferCompletedEvent(first)),
                transfer(third, new TransferRequestedEvent(third, wallet, UUID.randomUUID(), AMOUNT, "h3")),
                transfer(second, new TransferRejectedEvent(second, ErrorCode.WALLET_FROZEN, "frozen")),
                transfer(open, new TransferRequestedEvent(open, wallet, UUID.randomUUID(), AMOUNT, "h4")),
                transfer(third, new TransferFailedEvent(third, ErrorCode.WALLET_FROZEN, "refunded")));
        runner.deliver(events.subList(0, 4));
        runner.deliver(events.subList(4, events.size()));
        assertThat(rows()).hasSize(4);

        assertReplaysChangeNothing(runner, events, () -> Map.of("transfer_view", rows()));
    }

    private EventMessage<?> transfer(UUID transferId, Object event) {
        return runner.event("Transfer", transferId, event);
    }

    /** The view's rows, less {@code projected_at}: the database clock when each was written, not from events. */
    private List<Map<String, Object>> rows() {
        List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM transfer_view ORDER BY transfer_id").query().listOfRows();
        rows.forEach(row -> row.remove("projected_at"));
        return rows;
    }
}
