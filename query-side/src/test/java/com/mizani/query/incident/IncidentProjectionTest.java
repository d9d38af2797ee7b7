package com.mizani.query.incident;

import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.ContradictionKind;
import com.mizani.kernel.payment.Correction;
import com.mizani.kernel.payment.CorrectionAction;
import com.mizani.kernel.payment.Evidence;
import com.mizani.kernel.payment.IncidentCorrectionProposedEvent;
import com.mizani.kernel.payment.IncidentCorrectionRejectedEvent;
import com.mizani.kernel.payment.IncidentResolvedEvent;
import com.mizani.kernel.payment.IncidentState;
import com.mizani.kernel.payment.PaymentContradictedEvent;
import com.mizani.kernel.payment.PaymentHistoryLine;
import com.mizani.kernel.payment.PaymentStatus;
import com.mizani.kernel.payment.ProviderResult;
import com.mizani.query.ledger.EventPositions;
import com.mizani.query.support.ProjectionDatabase;
import com.mizani.query.support.ProjectionRunner;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.mizani.query.Replays.assertReplaysChangeNothing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The incident view from events alone, a batch at a time as Axon delivers them. */
@ExtendWith(ProjectionDatabase.class)
class IncidentProjectionTest {

    private static final UUID WALLET = UUID.randomUUID();
    private static final List<PaymentHistoryLine> HISTORY = List.of(
            new PaymentHistoryLine(Instant.parse("2026-03-01T07:00:00Z"), "WithdrawalRequested", "payout of 100 KES"),
            new PaymentHistoryLine(Instant.parse("2026-03-01T07:00:01Z"), "PaymentFailed", "failed on CALLBACK (2001)"));

    private final JdbcClient jdbc;
    private final IncidentViewRepository incidents;
    private final ProjectionRunner runner;

    IncidentProjectionTest(DataSource dataSource) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        jdbc = JdbcClient.create(dataSource);
        IncidentHistoryRepository histories = new IncidentHistoryRepository(template);
        incidents = new IncidentViewRepository(template, jdbc, histories);
        runner = new ProjectionRunner(new IncidentProjection(incidents, histories, new EventPositions(template)),
                dataSource);
    }

    @Test
    void aContradictionOpensAnIncidentWithItsEvidenceHistoryAndTheSystemsProposal() {
        UUID payment = UUID.randomUUID();
        UUID incident = UUID.randomUUID();
        UUID proposal = UUID.randomUUID();
        runner.deliver(List.of(
                payment(payment, paidAfterFailed(payment, incident, "RCPT1")),
                payment(payment, proposed(payment, incident, proposal, CorrectionAction.DEBIT_WALLET, "system"))));

        IncidentView view = incidents.find(incident).orElseThrow();
        assertThat(view).extracting(IncidentView::paymentId, IncidentView::walletId, IncidentView::currency,
                        IncidentView::kind, IncidentView::status, IncidentView::paymentStatus, IncidentView::booked,
                        IncidentView::claimed, IncidentView::difference, IncidentView::contradictions)
                .containsExactly(payment, WALLET, "KES", ContradictionKind.PAID_AFTER_FAILED, IncidentState.Status.OPEN,
                        PaymentStatus.FAILED, "0.00", "100.00", "100.00", 1);
        assertThat(view.evidence()).extracting(IncidentView.ProviderMessage::evidence,
                        IncidentView.ProviderMessage::outcome, IncidentView.ProviderMessage::resultCode,
                        IncidentView.ProviderMessage::description, IncidentView.ProviderMessage::receipt,
                        IncidentView.ProviderMessage::amount)
                .containsExactly(Evidence.STATUS_QUERY, ProviderResult.Outcome.PAID, "0", "Completed", "RCPT1", "100.00");
        assertThat(view.evidence().at()).isEqualTo(view.openedAt());
        assertThat(view.latestEvidence()).isEqualTo(view.evidence());
        assertThat(view.pendingCorrection()).extracting(IncidentView.PendingCorrection::proposalId,
                        IncidentView.PendingCorrection::action, IncidentView.PendingCorrection::amount,
                        IncidentView.PendingCorrection::proposedBy)
                .containsExactly(proposal, CorrectionAction.DEBIT_WALLET, "100.00", "system");
        assertThat(view.resolution()).isNull();
        assertThat(view.history()).isEqualTo(HISTORY);
    }

    /**
     * Rejected, proposed again, contradicted a second time, resolved: the incident keeps its first evidence and the
     * history it opened on, counts both contradictions, and ends with the approved correction and nothing pending. A
     * later contradiction opens another incident.
     */
    @Test
    void anIncidentFollowsItsCorrectionsToTheResolutionAndALaterContradictionOpensAnother() {
        UUID payment = UUID.randomUUID();
        UUID incident = UUID.randomUUID();
        UUID systemProposal = UUID.randomUUID();
        UUID operatorProposal = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        runner.deliver(List.of(
                payment(payment, paidAfterFailed(payment, incident, "RCPT1")),
                payment(payment, proposed(payment, incident, systemProposal, CorrectionAction.DEBIT_WALLET, "system"))));
        runner.deliver(List.of(
                payment(payment, new IncidentCorrectionRejectedEvent(payment, incident, systemProposal, "system",
                        "user:amina", "the wallet is empty")),
                payment(payment, proposed(payment, incident, operatorProposal, CorrectionAction.BOOK_RECEIVABLE,
                        "user:jane")),
                payment(payment, paidAfterFailed(payment, incident, "RCPT2"))));
        runner.deliver(List.of(
                payment(payment, new IncidentResolvedEvent(payment, incident, operatorProposal,
                        correction(CorrectionAction.BOOK_RECEIVABLE), "user:jane", "user:amina", "statement checked")),
                payment(payment, paidAfterFailed(payment, later, "RCPT3"))));

        IncidentView resolved = incidents.find(incident).orElseThrow();
        assertThat(resolved.status()).isEqualTo(IncidentState.Status.RESOLVED);
        assertThat(resolved.contradictions()).isEqualTo(2);
        assertThat(resolved.evidence().receipt()).isEqualTo("RCPT1");
        assertThat(resolved.latestEvidence().receipt()).isEqualTo("RCPT2");
        assertThat(resolved.latestEvidence().at()).isAfter(resolved.openedAt());
        assertThat(resolved.pendingCorrection()).isNull();
        assertThat(resolved.resolution()).extracting(IncidentView.Resolution::proposalId,
                        IncidentView.Resolution::action, IncidentView.Resolution::amount,
                        IncidentView.Resolution::proposedBy, IncidentView.Resolution::approvedBy,
                        IncidentView.Resolution::note)
                .containsExactly(operatorProposal, CorrectionAction.BOOK_RECEIVABLE, "100.00", "user:jane",
                        "user:amina", "statement checked");
        assertThat(resolved.history()).isEqualTo(HISTORY);

        assertThat(incidents.list(IncidentState.Status.OPEN, -1, 10))
                .extracting(listed -> listed.incident().incidentId()).containsExactly(later);
        assertThat(incidents.list(IncidentState.Status.RESOLVED, -1, 10))
                .extracting(listed -> listed.incident().incidentId()).containsExactly(incident);
        assertThat(incidents.countOpen()).isEqualTo(1);
        assertThat(incidents.countContradictions()).isEqualTo(3);
    }

    /** The statements of a batch run by kind, not in event order: the rejection between two proposals is not the last word. */
    @Test
    void aProposalAfterARejectionInTheSameBatchStaysPending() {
        UUID payment = UUID.randomUUID();
        UUID incident = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        runner.deliver(List.of(
                payment(payment, paidAfterFailed(payment, incident, "RCPT1")),
                payment(payment, proposed(payment, incident, first, CorrectionAction.DEBIT_WALLET, "system")),
                payment(payment, new IncidentCorrectionRejectedEvent(payment, incident, first, "system", "user:amina",
                        "no")),
                payment(payment, proposed(payment, incident, second, CorrectionAction.NONE, "user:jane"))));

        IncidentView view = incidents.find(incident).orElseThrow();
        assertThat(view.pendingCorrection()).extracting(IncidentView.PendingCorrection::proposalId,
                        IncidentView.PendingCorrection::action, IncidentView.PendingCorrection::amount)
                .containsExactly(second, CorrectionAction.NONE, "0.00");
    }

    @Test
    void theListIsOldestFirstAndPagedByCursor() {
        List<UUID> opened = new ArrayList<>();
        List<EventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID payment = UUID.randomUUID();
            UUID incident = UUID.randomUUID();
            opened.add(incident);
            events.add(payment(payment, paidAfterFailed(payment, incident, "R" + i)));
        }
        runner.deliver(events);

        List<IncidentViewRepository.Listed> first = incidents.list(null, -1, 2);
        List<IncidentViewRepository.Listed> second = incidents.list(null, first.getLast().position(), 2);
        List<IncidentViewRepository.Listed> last = incidents.list(null, second.getLast().position(), 2);
        assertThat(List.of(first, second, last)).flatExtracting(page -> page.stream()
                .map(listed -> listed.incident().incidentId()).toList()).containsExactlyElementsOf(opened);
        assertThat(last).hasSize(1);
        assertThat(first).extracting(listed -> listed.incident().history()).containsOnly(HISTORY);
    }

    /** Every event twice, and a reset then a replay one by one, give the same rows as the first delivery. */
    @Test
    void replayingTheEventsGivesTheSameRows() {
        UUID payment = UUID.randomUUID();
        UUID incident = UUID.randomUUID();
        UUID systemProposal = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        List<EventMessage<?>> events = List.of(
                payment(payment, paidAfterFailed(payment, incident, "RCPT1")),
                payment(payment, proposed(payment, incident, systemProposal, CorrectionAction.DEBIT_WALLET, "system")),
                payment(payment, paidAfterFailed(payment, incident, "RCPT2")),
                payment(other, paidAfterFailed(other, UUID.randomUUID(), "RCPT9")),
                payment(payment, new IncidentResolvedEvent(payment, incident, systemProposal,
                        correction(CorrectionAction.DEBIT_WALLET), "system", "user:amina", null)));
        runner.deliver(events.subList(0, 2));
        runner.deliver(events.subList(2, events.size()));
        assertThat(jdbc.sql("SELECT contradiction_count FROM incident_view WHERE incident_id = ?").param(incident)
                .query(Integer.class).single()).isEqualTo(2);

        assertReplaysChangeNothing(runner, events, () -> Map.of(
                "incident_view", jdbc.sql("SELECT * FROM incident_view ORDER BY list_position").query().listOfRows(),
                "incident_history", jdbc.sql("SELECT * FROM incident_history ORDER BY incident_id, line").query()
                        .listOfRows()));
    }

    private static PaymentContradictedEvent paidAfterFailed(UUID payment, UUID incident, String receipt) {
        return new PaymentContradictedEvent(payment, incident, ContradictionKind.PAID_AFTER_FAILED,
                new ProviderResult(Evidence.STATUS_QUERY, ProviderResult.Outcome.PAID, "0", "Completed", receipt,
                        10_000L, "254708374149", "AG_1"),
                PaymentStatus.FAILED, 0, 10_000, HISTORY);
    }

    private static IncidentCorrectionProposedEvent proposed(UUID payment, UUID incident, UUID proposal,
                                                            CorrectionAction action, String by) {
        return new IncidentCorrectionProposedEvent(payment, incident, proposal, correction(action), "the provider paid",
                by);
    }

    private static Correction correction(CorrectionAction action) {
        return new Correction(action, WALLET, Money.of(action.movesMoney() ? 10_000 : 0, CurrencyCode.KES));
    }

    private EventMessage<?> payment(UUID paymentId, Object event) {
        return runner.event("Payment", paymentId, event);
    }
}
