package com.mizani.app.reconciliation;

import com.mizani.kernel.ledger.SystemAccounts;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.query.incident.IncidentViewRepository;
import com.mizani.query.payment.ProviderSettlementQueries;
import com.mizani.saga.provider.ProviderGateway;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Compares our M-Pesa settlement account with the provider's statement on a schedule. Any difference is a metric
 * ({@code mizani.reconciliation.difference}, KES cents), a log line and an entry in the ops endpoint; a difference
 * with no open or reviewed payment to explain it is a MISMATCH, logged as a warning. A difference also names the
 * payouts behind it ({@link PaymentDifferences}); that reads both sides payout by payout, so it is done only when
 * the totals differ.
 */
@Component
public class ReconciliationWatchdog implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationWatchdog.class);
    private static final int KEPT_DIFFERENCES = 50;
    /** How many payment ids a MISMATCH log line names; the report lists more. */
    private static final int LOGGED_PAYMENTS = 5;
    private static final String SETTLEMENT = SystemAccounts.providerSettlement("mpesa", CurrencyCode.KES);

    private final ProviderSettlementQueries ledger;
    private final ProviderStatement statement;
    private final PaymentDifferences payments;
    private final IncidentViewRepository incidents;
    private final ProviderGateway provider;
    private final Duration interval;
    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<ReconciliationReport> latest = new AtomicReference<>();
    private final AtomicLong difference = new AtomicLong();
    private final Deque<ReconciliationReport> differences = new ArrayDeque<>();

    public ReconciliationWatchdog(ProviderSettlementQueries ledger, ProviderStatement statement,
                                  PaymentDifferences payments, IncidentViewRepository incidents,
                                  ProviderGateway provider, ReconciliationSettings settings, MeterRegistry meters) {
        this.ledger = ledger;
        this.incidents = incidents;
        this.provider = provider;
        this.statement = statement;
        this.payments = payments;
        this.interval = Duration.ofMillis(settings.intervalMs());
        Gauge.builder("mizani.reconciliation.difference", difference, AtomicLong::get)
                .description("provider statement minus our settlement account, KES cents")
                .baseUnit("minor")
                .register(meters);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::run, interval, interval));
    }

    public ReconciliationReport run() {
        ReconciliationReport report = compare();
        latest.set(report);
        difference.set(report.differenceMinor());
        if (report.outcome() != ReconciliationReport.Outcome.MATCHED) {
            synchronized (differences) {
                differences.addFirst(report);
                while (differences.size() > KEPT_DIFFERENCES) {
                    differences.removeLast();
                }
            }
        }
        switch (report.outcome()) {
            case MISMATCH -> log.warn("reconciliation MISMATCH: provider {} vs ours {} (difference {} cents), {} payouts "
                            + "differ, first {}", report.providerNetPaidMinor(), report.ourNetPaidMinor(),
                    report.differenceMinor(), report.differenceCount(), report.differences().stream()
                            .limit(LOGGED_PAYMENTS).map(PaymentDifference::paymentId).toList());
            case PENDING -> log.info("reconciliation pending: difference {} cents with {} open and {} reviewed payments "
                            + "and {} open incidents", report.differenceMinor(), report.openPayments(),
                    report.paymentsInReview(), report.openIncidents());
            case UNAVAILABLE -> log.warn("reconciliation could not run: {}", report.detail());
            case MATCHED -> log.debug("reconciliation matched at {} cents", report.ourNetPaidMinor());
        }
        return report;
    }

    public ReconciliationReport latest() {
        return latest.get();
    }

    public List<ReconciliationReport> recentDifferences() {
        synchronized (differences) {
            return List.copyOf(differences);
        }
    }

    private ReconciliationReport compare() {
        long ours = ledger.balanceMinor(SETTLEMENT);
        long open = ledger.openProviderPayments();
        long review = ledger.paymentsInReview();
        long openIncidents = incidents.countOpen();
        ProviderStatement.Totals theirs;
        try {
            theirs = statement.totals();
        } catch (Exception unreadable) {
            return unavailable(ours, open, review, openIncidents, unreadable);
        }
        long diff = theirs.netPaidMinor() - ours;
        ReconciliationReport.Outcome outcome = diff == 0 ? ReconciliationReport.Outcome.MATCHED
                : open + review + openIncidents > 0 ? ReconciliationReport.Outcome.PENDING
                : ReconciliationReport.Outcome.MISMATCH;
        String detail = "provider paid " + theirs.paidMinor() + " and received " + theirs.receivedMinor() + " cents";
        PaymentDifferences.Found behind = PaymentDifferences.Found.NONE;
        if (diff != 0) {
            try {
                behind = payments.between(statement.paidByPayment(), statement.receivedByReference());
                if (behind.count() > 0) {
                    // Payout by payout: pending only if each one is accounted for, whatever else is open.
                    outcome = behind.unexplained() > 0 ? ReconciliationReport.Outcome.MISMATCH
                            : ReconciliationReport.Outcome.PENDING;
                }
                long asked = askAgain(behind.listed());
                if (asked > 0) {
                    detail += "; asked the provider again about " + asked + " final payouts nothing accounts for";
                }
            } catch (Exception unreadable) {
                // The totals still stand; only the payouts behind them could not be named this time.
                interruptedAgain(unreadable);
                detail += "; the payouts behind the difference could not be listed: " + unreadable;
            }
        }
        return new ReconciliationReport(clock.instant(), ours, theirs.netPaidMinor(), diff, open, review,
                openIncidents, outcome, detail, behind.listed(), behind.count());
    }

    /**
     * Asks the provider for the status of each listed final payout that nothing accounts for. Its message that changed
     * its mind (a late result) may never have reached us, the app being down when it came; the answer comes by
     * callback, and the payment holds it against its books: a contradiction opens an incident, which then explains the
     * difference at the next run.
     */
    private long askAgain(List<PaymentDifference> listed) {
        return listed.stream()
                .filter(difference -> difference.flow() == PaymentDifference.Flow.PAYOUT && !difference.isExplained()
                        && difference.ourStatus() != null && difference.ourStatus().isFinal())
                .filter(difference -> provider.requestPayoutStatus(UUID.fromString(difference.paymentId())))
                .count();
    }

    private ReconciliationReport unavailable(long ours, long open, long review, long openIncidents,
                                             Exception unreadable) {
        interruptedAgain(unreadable);
        return new ReconciliationReport(clock.instant(), ours, 0, 0, open, review, openIncidents,
                ReconciliationReport.Outcome.UNAVAILABLE, unreadable.toString(), List.of(), 0);
    }

    private static void interruptedAgain(Exception failure) {
        if (failure instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
    }
}
