package com.mizani.query.adjustment;

import com.mizani.kernel.adjustment.AdjustmentApprovedEvent;
import com.mizani.kernel.adjustment.AdjustmentFailedEvent;
import com.mizani.kernel.adjustment.AdjustmentProposedEvent;
import com.mizani.kernel.adjustment.AdjustmentRejectedEvent;
import com.mizani.kernel.adjustment.AdjustmentStatus;
import com.mizani.kernel.adjustment.AdjustmentView;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.ledger.Direction;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.query.ledger.EventPositions;
import com.mizani.query.support.ProjectionDatabase;
import com.mizani.query.support.ProjectionRunner;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.mizani.query.Replays.assertReplaysChangeNothing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The adjustment view (the checker's inbox) from events alone, a batch at a time as Axon delivers them. */
@ExtendWith(ProjectionDatabase.class)
class AdjustmentProjectionTest {

    private static final Money AMOUNT = Money.of(1_250, CurrencyCode.KES);

    private final JdbcClient jdbc;
    private final AdjustmentViewRepository adjustments;
    private final ProjectionRunner runner;

    AdjustmentProjectionTest(DataSource dataSource) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        jdbc = JdbcClient.create(dataSource);
        adjustments = new AdjustmentViewRepository(template, jdbc);
        runner = new ProjectionRunner(new AdjustmentProjection(adjustments, new EventPositions(template)), dataSource);
    }

    @Test
    void eachAdjustmentStandsAsItsLastDecisionLeftItInProposalOrder() {
        UUID approved = UUID.randomUUID();
        UUID rejected = UUID.randomUUID();
        UUID failed = UUID.randomUUID();
        UUID pending = UUID.randomUUID();
        UUID wallet = UUID.randomUUID();
        runner.deliver(List.of(
                adjustment(approved, proposed(approved, wallet, Direction.CREDIT)),
                adjustment(rejected, proposed(rejected, wallet, Direction.DEBIT)),
                adjustment(approved, new AdjustmentApprovedEvent(approved, wallet, AMOUNT, Direction.CREDIT, "ops.jane",
                        "ops.amina", "ticket 12 checked"))));
        runner.deliver(List.of(
                adjustment(failed, proposed(failed, wallet, Direction.DEBIT)),
                adjustment(rejected, new AdjustmentRejectedEvent(rejected, "ops.jane", "ops.amina", "no ticket")),
                adjustment(failed, new AdjustmentFailedEvent(failed, wallet, "ops.jane", "ops.amina",
                        ErrorCode.INSUFFICIENT_FUNDS, "available 0.00 KES")),
                adjustment(pending, proposed(pending, wallet, Direction.CREDIT))));

        assertThat(adjustments.list(null, -1, 10)).extracting(listed -> listed.adjustment().adjustmentId(),
                        listed -> listed.adjustment().status())
                .containsExactly(tuple(approved, AdjustmentStatus.APPROVED), tuple(rejected, AdjustmentStatus.REJECTED),
                        tuple(failed, AdjustmentStatus.FAILED), tuple(pending, AdjustmentStatus.PENDING_APPROVAL));
        assertThat(adjustments.list(AdjustmentStatus.PENDING_APPROVAL, -1, 10))
                .extracting(listed -> listed.adjustment().adjustmentId()).containsExactly(pending);

        assertThat(adjustments.find(approved).orElseThrow())
                .extracting(AdjustmentView::amount, AdjustmentView::direction, AdjustmentView::proposedBy,
                        AdjustmentView::approvedBy, AdjustmentView::decisionReason, AdjustmentView::failureCode)
                .containsExactly("12.50", "CREDIT", "ops.jane", "ops.amina", "ticket 12 checked", null);
        assertThat(adjustments.find(rejected).orElseThrow())
                .extracting(AdjustmentView::rejectedBy, AdjustmentView::decisionReason, AdjustmentView::approvedBy)
                .containsExactly("ops.amina", "no ticket", null);
        assertThat(adjustments.find(failed).orElseThrow())
                .extracting(AdjustmentView::approvedBy, AdjustmentView::failureCode, AdjustmentView::failureReason,
                        AdjustmentView::decisionReason)
                .containsExactly("ops.amina", "INSUFFICIENT_FUNDS", "available 0.00 KES", null);
        assertThat(adjustments.find(pending).orElseThrow().decidedAt()).isNull();
    }

    /**
     * A proposal's place in the list is its event's own position in the event store, not the token's (which is the
     * highest seen so far when the event filled a gap), so a rebuilt list has the same order.
     */
    @Test
    void aProposalTakesItsEventsOwnPositionFromTheEventStore() {
        UUID late = UUID.randomUUID();
        EventMessage<?> proposal = adjustment(late, proposed(late, UUID.randomUUID(), Direction.CREDIT));
        jdbc.sql("""
                        INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier,
                                                        sequence_number, time_stamp, payload_type, payload)
                        VALUES (4242, ?, ?, 0, '2026-03-01T08:00:00Z', 'AdjustmentProposedEvent', '\\x00'::bytea)""")
                .params(proposal.getIdentifier(), late.toString())
                .update();

        runner.deliver(List.of(proposal));

        assertThat(adjustments.list(null, -1, 10)).extracting(AdjustmentViewRepository.Listed::position).containsExactly(4242L);
    }

    /** Every event twice, and a reset then a replay one by one, give the same rows as the first delivery. */
    @Test
    void replayingTheEventsGivesTheSameRows() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        UUID wallet = UUID.randomUUID();
        List<EventMessage<?>> events = List.of(
                adjustment(first, proposed(first, wallet, Direction.CREDIT)),
                adjustment(second, proposed(second, wallet, Direction.DEBIT)),
                adjustment(first, new AdjustmentApprovedEvent(first, wallet, AMOUNT, Direction.CREDIT, "ops.jane",
                        "ops.amina", null)),
                adjustment(third, proposed(third, wallet, Direction.DEBIT)),
                adjustment(second, new AdjustmentRejectedEvent(second, "ops.jane", "ops.amina", "duplicate")));
        runner.deliver(events.subList(0, 2));
        runner.deliver(events.subList(2, events.size()));
        assertThat(rows()).hasSize(3);

        assertReplaysChangeNothing(runner, events, () -> Map.of("adjustment_view", rows()));
    }

    private static AdjustmentProposedEvent proposed(UUID adjustmentId, UUID walletId, Direction direction) {
        return new AdjustmentProposedEvent(adjustmentId, walletId, AMOUNT, direction, "correction for ticket 12",
                "ops.jane", "hash-" + adjustmentId);
    }

    private EventMessage<?> adjustment(UUID adjustmentId, Object event) {
        return runner.event("Adjustment", adjustmentId, event);
    }

    private List<Map<String, Object>> rows() {
        return jdbc.sql("SELECT * FROM adjustment_view ORDER BY list_position").query().listOfRows();
    }
}
