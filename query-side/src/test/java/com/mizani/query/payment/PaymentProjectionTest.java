package com.mizani.query.payment;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.C2bPaymentReceivedEvent;
import com.mizani.kernel.payment.ContradictionKind;
import com.mizani.kernel.payment.Correction;
import com.mizani.kernel.payment.CorrectionAction;
import com.mizani.kernel.payment.DepositRequestedEvent;
import com.mizani.kernel.payment.Evidence;
import com.mizani.kernel.payment.FindPaymentStatusQuery;
import com.mizani.kernel.payment.IncidentCorrectionProposedEvent;
import com.mizani.kernel.payment.IncidentCorrectionRejectedEvent;
import com.mizani.kernel.payment.IncidentResolvedEvent;
import com.mizani.kernel.payment.Msisdn;
import com.mizani.kernel.payment.PaymentConfirmedEvent;
import com.mizani.kernel.payment.PaymentContradictedEvent;
import com.mizani.kernel.payment.PaymentFailedEvent;
import com.mizani.kernel.payment.PaymentKind;
import com.mizani.kernel.payment.PaymentMethod;
import com.mizani.kernel.payment.PaymentRejectedEvent;
import com.mizani.kernel.payment.PaymentResolutionApprovedEvent;
import com.mizani.kernel.payment.PaymentResolutionProposedEvent;
import com.mizani.kernel.payment.PaymentResolutionRejectedEvent;
import com.mizani.kernel.payment.PaymentReviewRequiredEvent;
import com.mizani.kernel.payment.PaymentReviewResolvedEvent;
import com.mizani.kernel.payment.PaymentSettledEvent;
import com.mizani.kernel.payment.PaymentStatus;
import com.mizani.kernel.payment.PaymentStatusUpdate;
import com.mizani.kernel.payment.PaymentSubmittedEvent;
import com.mizani.kernel.payment.PendingResolution;
import com.mizani.kernel.payment.ProviderResult;
import com.mizani.kernel.payment.WithdrawalRequestedEvent;
import com.mizani.kernel.payment.WithdrawalReservedEvent;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.mizani.query.Replays.assertReplaysChangeNothing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/**
 * The payment view and timeline from events alone: the handlers run as Axon runs them, a batch at a time, against
 * the migrated schema.
 */
@ExtendWith(ProjectionDatabase.class)
class PaymentProjectionTest {

    private static final Msisdn PHONE = new Msisdn("254708374149");
    private static final Money AMOUNT = Money.of(10_000, CurrencyCode.KES);
    private static final Money FEE = Money.of(1_500, CurrencyCode.KES);

    private final JdbcClient jdbc;
    private final PaymentViewRepository payments;
    private final PaymentTimelineRepository timelines;
    private final RecordedStatusUpdates statusUpdates = new RecordedStatusUpdates();
    private final ProjectionRunner runner;
    /** Every event made so far, in order: the event store a replay reads. */
    private final List<EventMessage<?>> history = new ArrayList<>();

    PaymentProjectionTest(DataSource dataSource) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        jdbc = JdbcClient.create(dataSource);
        payments = new PaymentViewRepository(template, jdbc);
        timelines = new PaymentTimelineRepository(template, jdbc);
        runner = new ProjectionRunner(new PaymentProjection(payments, timelines, statusUpdates), dataSource);
    }

    @Test
    void aSettledPayoutIsOneRowWithEveryDetailAndAnEntryPerEvent() {
        UUID payout = UUID.randomUUID();
        UUID wallet = UUID.randomUUID();
        List<EventMessage<?>> events = List.of(
                payment(payout, new WithdrawalRequestedEvent(payout, wallet, AMOUNT, FEE, PHONE, "hash")),
                payment(payout, new WithdrawalReservedEvent(payout, wallet, AMOUNT, FEE, PHONE)),
                payment(payout, new PaymentSubmittedEvent(payout, "AG_20261121_0001")),
                payment(payout, new PaymentConfirmedEvent(payout, "TKL31ABC", Evidence.CALLBACK)),
                payment(payout, new PaymentSettledEvent(payout)));

        runner.deliver(events);

        PaymentViewRow row = payments.find(payout).orElseThrow();
        assertThat(row.kind()).isEqualTo(PaymentKind.WITHDRAWAL);
        assertThat(row.method()).isEqualTo(PaymentMethod.MPESA_B2C);
        assertThat(row.walletId()).isEqualTo(wallet);
        assertThat(row.amount()).isEqualTo(AMOUNT);
        assertThat(row.fee()).isEqualTo(FEE);
        assertThat(row.msisdnMasked()).isEqualTo("2547*****149");
        assertThat(row.status()).isEqualTo(PaymentStatus.SETTLED);
        assertThat(row.providerReference()).isEqualTo("AG_20261121_0001");
        assertThat(row.receipt()).isEqualTo("TKL31ABC");
        assertThat(row.failureCode()).isNull();
        assertThat(row.version()).isEqualTo(4);
        assertThat(row.requestedAt()).isCloseTo(events.getFirst().getTimestamp(), within(1, ChronoUnit.MICROS));
        assertThat(row.updatedAt()).isCloseTo(events.getLast().getTimestamp(), within(1, ChronoUnit.MICROS));
        assertThat(row.pendingResolution()).isNull();

        assertThat(timelines.of(payout, 500)).extracting(PaymentTimelineRow::sequence, PaymentTimelineRow::event, PaymentTimelineRow::status,
                PaymentTimelineRow::detail).containsExactly(
                tuple(0L, "PaymentRequested", PaymentStatus.REQUESTED, "payout to 2547*****149 requested"),
                tuple(1L, "WithdrawalReserved", PaymentStatus.RESERVED, "115.00 KES held on the wallet"),
                tuple(2L, "PaymentSubmitted", PaymentStatus.SUBMITTED, "provider acknowledged as AG_20261121_0001"),
                tuple(3L, "PaymentConfirmed", PaymentStatus.SETTLED, "settled on CALLBACK, receipt TKL31ABC"),
                tuple(4L, "PaymentSettled", PaymentStatus.SETTLED, "settled"));

        // Each status change reaches the live streams once committed, with the details its event set.
        assertThat(statusUpdates.all(PaymentStatusUpdate.class))
                .extracting(PaymentStatusUpdate::status, PaymentStatusUpdate::providerReference,
                        PaymentStatusUpdate::receipt, PaymentStatusUpdate::sequence)
                .containsExactly(tuple(PaymentStatus.REQUESTED, null, null, 0L),
                        tuple(PaymentStatus.RESERVED, null, null, 1L),
                        tuple(PaymentStatus.SUBMITTED, "AG_20261121_0001", null, 2L),
                        tuple(PaymentStatus.SETTLED, null, "TKL31ABC", 3L),
                        tuple(PaymentStatus.SETTLED, null, null, 4L));
        // A stream's first event is the view's current status, with every detail known.
        assertThat(new PaymentStatusQueryHandler(payments).status(new FindPaymentStatusQuery(payout)).orElseThrow())
                .extracting(PaymentStatusUpdate::status, PaymentStatusUpdate::providerReference,
                        PaymentStatusUpdate::receipt, PaymentStatusUpdate::sequence)
                .containsExactly(PaymentStatus.SETTLED, "AG_20261121_0001", "TKL31ABC", 4L);
    }

    /** An incident has a line per event in the payment's timeline, and leaves the payment's status as it was. */
    @Test
    void anIncidentOnAFailedPayoutIsALinePerEventAndKeepsTheStatus() {
        UUID payout = UUID.randomUUID();
        UUID wallet = UUID.randomUUID();
        UUID incident = UUID.randomUUID();
        UUID system = UUID.randomUUID();
        UUID operator = UUID.randomUUID();
        Correction receivable = new Correction(CorrectionAction.BOOK_RECEIVABLE, wallet, AMOUNT);
        runner.deliver(List.of(
                payment(payout, new WithdrawalRequestedEvent(payout, wallet, AMOUNT, FEE, PHONE, "hash")),
                payment(payout, new WithdrawalReservedEvent(payout, wallet, AMOUNT, FEE, PHONE)),
                payment(payout, new PaymentFailedEvent(payout, "2001", "declined", Evidence.CALLBACK))));
        runner.deliver(List.of(
                payment(payout, new PaymentContradictedEvent(payout, incident, ContradictionKind.PAID_AFTER_FAILED,
                        new ProviderResult(Evidence.STATUS_QUERY, ProviderResult.Outcome.PAID, "0", "Completed",
                                "TKL9", 10_000L, null, "AG_3"), PaymentStatus.FAILED, 0, 10_000, List.of())),
                payment(payout, new IncidentCorrectionProposedEvent(payout, incident, system,
                        new Correction(CorrectionAction.DEBIT_WALLET, wallet, AMOUNT), "the provider paid", "system")),
                payment(payout, new IncidentCorrectionRejectedEvent(payout, incident, system, "system", "user:amina",
                        "wallet is empty")),
                payment(payout, new IncidentCorrectionProposedEvent(payout, incident, operator, receivable,
                        "the customer owes it", "user:jane")),
                payment(payout, new IncidentResolvedEvent(payout, incident, operator, receivable, "user:jane",
                        "user:amina", null))));

        assertThat(payments.find(payout).orElseThrow().status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(timelines.of(payout, 500)).extracting(PaymentTimelineRow::event, PaymentTimelineRow::status,
                PaymentTimelineRow::detail).endsWith(
                tuple("PaymentContradicted", null, "STATUS_QUERY PAID (0), receipt TKL9 contradicts FAILED: "
                        + "PAID_AFTER_FAILED, incident " + incident),
                tuple("IncidentCorrectionProposed", null, "system proposes DEBIT_WALLET 100.00 KES for incident "
                        + incident + ": the provider paid"),
                tuple("IncidentCorrectionRejected", null, "user:amina rejected the correction of system for incident "
                        + incident + ": wallet is empty"),
                tuple("IncidentCorrectionProposed", null, "user:jane proposes BOOK_RECEIVABLE 100.00 KES for incident "
                        + incident + ": the customer owes it"),
                tuple("IncidentResolved", null, "user:amina approved BOOK_RECEIVABLE 100.00 KES proposed by user:jane; "
                        + "incident " + incident + " resolved"));
    }

    @Test
    void aFailureKeepsTheProviderReferenceAndCutsTheReasonToItsColumn() {
        UUID payout = UUID.randomUUID();
        UUID wallet = UUID.randomUUID();
        String reason = "the provider said no. ".repeat(40);

        runner.deliver(List.of(
                payment(payout, new WithdrawalRequestedEvent(payout, wallet, AMOUNT, FEE, PHONE, "hash")),
                payment(payout, new WithdrawalReservedEvent(payout, wallet, AMOUNT, FEE, PHONE)),
                payment(payout, new PaymentSubmittedEvent(payout, "AG_2")),
                payment(payout, new PaymentFailedEvent(payout, "2001", reason, Evidence.CALLBACK))));

        PaymentViewRow row = payments.find(payout).orElseThrow();
        assertThat(row.status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(row.providerReference()).isEqualTo("AG_2");
        assertThat(row.failureCode()).isEqualTo("2001");
        assertThat(row.failureReason()).isEqualTo(reason.substring(0, 512));
        assertThat(timelines.of(payout, 500).getLast().detail())
                .hasSize(512)
                .startsWith("failed on CALLBACK (2001): the provider said no.");
        assertThat(statusUpdates.all(PaymentStatusUpdate.class).getLast().failureReason()).hasSize(512);
    }

    @Test
    void aRejectionRecordsItsErrorCode() {
        UUID payout = UUID.randomUUID();

        runner.deliver(List.of(
                payment(payout, new WithdrawalRequestedEvent(payout, UUID.randomUUID(), AMOUNT, FEE, PHONE, "hash")),
                payment(payout, new PaymentRejectedEvent(payout, ErrorCode.INSUFFICIENT_FUNDS, "available 10.00 KES"))));

        PaymentViewRow row = payments.find(payout).orElseThrow();
        assertThat(row.status()).isEqualTo(PaymentStatus.REJECTED);
        assertThat(row.failureCode()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(row.failureReason()).isEqualTo("available 10.00 KES");
    }

    /** The view only moves forward in the payment's sequence: a redelivered older event changes nothing. */
    @Test
    void aRedeliveredEarlierEventChangesNothing() {
        UUID payout = UUID.randomUUID();
        UUID wallet = UUID.randomUUID();
        EventMessage<?> requested = payment(payout, new WithdrawalRequestedEvent(payout, wallet, AMOUNT, FEE, PHONE, "h"));
        EventMessage<?> reserved = payment(payout, new WithdrawalReservedEvent(payout, wallet, AMOUNT, FEE, PHONE));
        EventMessage<?> submitted = payment(payout, new PaymentSubmittedEvent(payout, "AG_3"));
        runner.deliver(List.of(requested, reserved, submitted));
        Map<String, List<Map<String, Object>>> before = tables();

        runner.deliver(List.of(reserved));
        runner.deliver(List.of(requested, reserved));

        assertThat(tables()).isEqualTo(before);
        assertThat(payments.find(payout).orElseThrow().status()).isEqualTo(PaymentStatus.SUBMITTED);
    }

    /**
     * A pay bill payment exists because the provider told us of it: its TransID is its provider reference from its
     * first event on (it used to stay empty, the update being guarded out by the creating event's own version).
     */
    @Test
    void aPayBillPaymentHasItsTransIdAsProviderReference() {
        UUID deposit = UUID.randomUUID();
        runner.deliver(List.of(payment(deposit, new C2bPaymentReceivedEvent(deposit, "TKM4XYZ9", "acc-17",
                UUID.randomUUID(), AMOUNT, "2547*****149"))));

        assertThat(payments.find(deposit).orElseThrow())
                .extracting(PaymentViewRow::method, PaymentViewRow::status, PaymentViewRow::providerReference, PaymentViewRow::fee)
                .containsExactly(PaymentMethod.MPESA_C2B, PaymentStatus.REQUESTED, "TKM4XYZ9", Money.of(0, CurrencyCode.KES));
        assertThat(timelines.of(deposit, 500).getFirst().detail())
                .isEqualTo("pay bill payment TKM4XYZ9 for reference 'acc-17'");

        runner.deliver(List.of(payment(deposit, new PaymentConfirmedEvent(deposit, "TKM4XYZ9", Evidence.CALLBACK)),
                payment(deposit, new PaymentSettledEvent(deposit))));
        runner.reset();
        runner.deliver(history);

        assertThat(payments.find(deposit).orElseThrow())
                .extracting(PaymentViewRow::status, PaymentViewRow::providerReference, PaymentViewRow::receipt)
                .containsExactly(PaymentStatus.SETTLED, "TKM4XYZ9", "TKM4XYZ9");
    }

    /** Four eyes on a parked payment: a proposal waits on the row until another principal decides it. */
    @Test
    void aProposalWaitsOnThePaymentUntilDecidedAndAResolutionNamesTheWallet() {
        UUID parked = UUID.randomUUID();
        UUID wrongWallet = UUID.randomUUID();
        UUID wallet = UUID.randomUUID();
        UUID firstProposal = UUID.randomUUID();
        UUID secondProposal = UUID.randomUUID();
        runner.deliver(List.of(
                payment(parked, new C2bPaymentReceivedEvent(parked, "TKP1", "nobody", null, AMOUNT, "payer")),
                payment(parked, new PaymentReviewRequiredEvent(parked, "no wallet for reference 'nobody'"))));
        EventMessage<?> proposed = payment(parked,
                new PaymentResolutionProposedEvent(parked, firstProposal, true, "customer called", wrongWallet, "ops.jane"));
        runner.deliver(List.of(proposed));

        PaymentViewRow waiting = payments.find(parked).orElseThrow();
        assertThat(waiting.status()).isEqualTo(PaymentStatus.MANUAL_REVIEW);
        assertThat(waiting.pendingResolution())
                .extracting(PendingResolution::proposalId, PendingResolution::outcome, PendingResolution::reason,
                        PendingResolution::walletId, PendingResolution::proposedBy)
                .containsExactly(firstProposal, "PAID", "customer called", wrongWallet, "ops.jane");
        assertThat(waiting.pendingResolution().proposedAt())
                .isEqualTo(proposed.getTimestamp().truncatedTo(ChronoUnit.MILLIS));

        runner.deliver(List.of(payment(parked,
                new PaymentResolutionRejectedEvent(parked, firstProposal, "ops.jane", "ops.amina", "wrong wallet"))));
        assertThat(payments.find(parked).orElseThrow().pendingResolution()).isNull();

        // The first proposal, redelivered after its rejection, does not come back.
        runner.deliver(List.of(proposed));
        assertThat(payments.find(parked).orElseThrow().pendingResolution()).isNull();

        runner.deliver(List.of(
                payment(parked, new PaymentResolutionProposedEvent(parked, secondProposal, true, "meant", wallet, "ops.jane")),
                payment(parked, new PaymentResolutionApprovedEvent(parked, secondProposal, "ops.jane", "ops.amina", null)),
                payment(parked, new PaymentReviewResolvedEvent(parked, true, "meant", "ops.jane", wallet))));

        PaymentViewRow resolved = payments.find(parked).orElseThrow();
        assertThat(resolved.pendingResolution()).isNull();
        assertThat(resolved.walletId()).isEqualTo(wallet);
        assertThat(timelines.of(parked, 500)).extracting(PaymentTimelineRow::event, PaymentTimelineRow::detail).endsWith(
                tuple("PaymentResolutionApproved", "ops.amina approved the proposal of ops.jane"),
                tuple("PaymentReviewResolved", "resolved as PAID on the proposal of operator ops.jane: meant"));
    }

    /** Every event twice, and a reset then a replay one by one, give the same rows as the first delivery. */
    @Test
    void replayingTheEventsGivesTheSameRows() {
        UUID payout = UUID.randomUUID();
        UUID failed = UUID.randomUUID();
        UUID cash = UUID.randomUUID();
        UUID parked = UUID.randomUUID();
        UUID wallet = UUID.randomUUID();
        UUID proposal = UUID.randomUUID();
        List<EventMessage<?>> events = List.of(
                payment(payout, new WithdrawalRequestedEvent(payout, wallet, AMOUNT, FEE, PHONE, "h1")),
                payment(cash, new DepositRequestedEvent(cash, wallet, AMOUNT, PaymentMethod.CASH, "h2")),
                payment(payout, new WithdrawalReservedEvent(payout, wallet, AMOUNT, FEE, PHONE)),
                payment(failed, new WithdrawalRequestedEvent(failed, wallet, AMOUNT, FEE, PHONE, "h3")),
                payment(cash, new PaymentConfirmedEvent(cash, null, Evidence.REQUEST)),
                payment(payout, new PaymentSubmittedEvent(payout, "AG_9")),
                payment(parked, new C2bPaymentReceivedEvent(parked, "TKR7", "nobody", null, AMOUNT, "payer")),
                payment(failed, new PaymentRejectedEvent(failed, ErrorCode.INSUFFICIENT_FUNDS, "not enough")),
                payment(parked, new PaymentReviewRequiredEvent(parked, "no wallet")),
                payment(payout, new PaymentConfirmedEvent(payout, "TKS1", Evidence.STATUS_QUERY)),
                payment(parked, new PaymentResolutionProposedEvent(parked, proposal, true, "called", wallet, "ops.jane")),
                payment(parked, new PaymentResolutionApprovedEvent(parked, proposal, "ops.jane", "ops.amina", "ok")),
                payment(parked, new PaymentReviewResolvedEvent(parked, true, "called", "ops.jane", wallet)),
                payment(parked, new PaymentConfirmedEvent(parked, "TKR7", Evidence.OPERATOR)));
        for (int from = 0; from < events.size(); from += 3) {
            runner.deliver(events.subList(from, Math.min(from + 3, events.size())));
        }
        assertThat(tables().get("payment_view")).hasSize(4);
        assertThat(tables().get("payment_timeline")).hasSize(events.size());

        assertReplaysChangeNothing(runner, events, this::tables);
    }

    /** The payment's next event, added to the history. */
    private EventMessage<?> payment(UUID paymentId, Object event) {
        EventMessage<?> message = runner.event("Payment", paymentId, event);
        history.add(message);
        return message;
    }

    private Map<String, List<Map<String, Object>>> tables() {
        return Map.of(
                "payment_view", jdbc.sql("SELECT * FROM payment_view ORDER BY payment_id").query().listOfRows(),
                "payment_timeline", jdbc.sql("SELECT * FROM payment_timeline ORDER BY payment_id, sequence")
                        .query().listOfRows());
    }
}
