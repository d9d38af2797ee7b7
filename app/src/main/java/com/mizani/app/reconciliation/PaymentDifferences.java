package com.mizani.app.reconciliation;

import com.mizani.kernel.ledger.SystemAccounts;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.payment.PaymentStatus;
import com.mizani.query.incident.IncidentViewRepository;
import com.mizani.query.payment.DepositStanding;
import com.mizani.query.payment.PayoutStanding;
import com.mizani.query.payment.ProviderSettlementQueries;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Names the payments behind a difference of the totals: compares, payment by payment, what the provider's statement
 * says it paid out or received with what our books moved. It reads every payout on both sides, so the watchdog asks only when the
 * totals differ.
 */
@Component
public class PaymentDifferences {

    /** How many differences a report lists; the count covers them all. */
    static final int LISTED = 100;
    private static final int PAGE = 5_000;
    private static final String SETTLEMENT = SystemAccounts.providerSettlement("mpesa", CurrencyCode.KES);
    /** Unexplained ones first: they are what an operator must look at. */
    private static final Comparator<PaymentDifference> ORDER = Comparator
            .comparing(PaymentDifference::isExplained)
            .thenComparing(PaymentDifference::paymentId);

    private final ProviderSettlementQueries ours;
    private final IncidentViewRepository incidents;

    public PaymentDifferences(ProviderSettlementQueries ours, IncidentViewRepository incidents) {
        this.ours = ours;
        this.incidents = incidents;
    }

    /**
     * @param listed      the first {@link #LISTED}, unexplained ones first; {@code count} is of all of them
     * @param unexplained how many neither an open payment nor an open incident accounts for
     */
    public record Found(List<PaymentDifference> listed, long count, long unexplained) {
        static final Found NONE = new Found(List.of(), 0, 0);
    }

    /**
     * @param providerPaid     what the provider paid out, in KES cents, by OriginatorConversationID (paid ones only)
     * @param providerReceived what the provider received, in KES cents, by its reference (received ones only)
     */
    public Found between(Map<String, Long> providerPaid, Map<String, Long> providerReceived) {
        List<PaymentDifference> found = new ArrayList<>(payouts(providerPaid));
        found.addAll(deposits(providerReceived));
        List<PaymentDifference> named = withOpenIncidents(found);
        long unexplained = named.stream().filter(difference -> !difference.isExplained()).count();
        return new Found(List.copyOf(named.subList(0, Math.min(LISTED, named.size()))), named.size(), unexplained);
    }

    private List<PaymentDifference> payouts(Map<String, Long> providerPaid) {
        Map<String, Long> notMatchedYet = new HashMap<>(providerPaid);
        List<PaymentDifference> found = new ArrayList<>();
        UUID after = null;
        List<PayoutStanding> page;
        do {
            page = ours.payoutsAfter(after, PAGE, SETTLEMENT);
            for (PayoutStanding payout : page) {
                Long theirs = notMatchedYet.remove(payout.paymentId().toString());
                PaymentDifference difference = of(PaymentDifference.Flow.PAYOUT, payout.paymentId().toString(),
                        payout.status(), payout.movedMinor(), theirs == null ? 0 : theirs);
                if (difference.differenceMinor() != 0) {
                    found.add(difference);
                }
            }
            after = page.isEmpty() ? after : page.getLast().paymentId();
        } while (page.size() == PAGE);
        notMatchedYet.forEach((paymentId, theirs) -> {
            if (theirs != 0) {
                found.add(of(PaymentDifference.Flow.PAYOUT, paymentId, null, 0, theirs));
            }
        });
        return found;
    }

    /**
     * Deposits are matched by the provider's reference, which is all its statement knows them by; one it received
     * that we know by none (a pay-bill payment whose confirmation never reached us) is listed under its reference.
     */
    private List<PaymentDifference> deposits(Map<String, Long> providerReceived) {
        Map<String, Long> notMatchedYet = new HashMap<>(providerReceived);
        List<PaymentDifference> found = new ArrayList<>();
        UUID after = null;
        List<DepositStanding> page;
        do {
            page = ours.depositsAfter(after, PAGE, SETTLEMENT);
            for (DepositStanding deposit : page) {
                Long theirs = deposit.reference() == null ? null : notMatchedYet.remove(deposit.reference());
                PaymentDifference difference = of(PaymentDifference.Flow.DEPOSIT, deposit.paymentId().toString(),
                        deposit.status(), deposit.receivedMinor(), theirs == null ? 0 : theirs);
                if (difference.differenceMinor() != 0) {
                    found.add(difference);
                }
            }
            after = page.isEmpty() ? after : page.getLast().paymentId();
        } while (page.size() == PAGE);
        notMatchedYet.forEach((reference, theirs) -> {
            if (theirs != 0) {
                found.add(of(PaymentDifference.Flow.DEPOSIT, reference, null, 0, theirs));
            }
        });
        return found;
    }

    /** Each difference with the open incident that names its payment, if any; unexplained ones first. */
    private List<PaymentDifference> withOpenIncidents(List<PaymentDifference> found) {
        Map<UUID, UUID> open = incidents.openIncidentsOf(found.stream().map(PaymentDifference::paymentId)
                .map(PaymentDifferences::uuidOrNull).filter(Objects::nonNull).toList());
        List<PaymentDifference> named = new ArrayList<>(found.stream().map(difference -> new PaymentDifference(
                difference.flow(), difference.paymentId(), difference.ourStatus(), difference.ourAmountMinor(),
                difference.providerAmountMinor(), difference.differenceMinor(), difference.awaitingOutcome(),
                openIncidentOf(open, difference.paymentId()))).toList());
        named.sort(ORDER);
        return named;
    }

    static PaymentDifference of(PaymentDifference.Flow flow, String paymentId, PaymentStatus ourStatus,
                                long ourAmountMinor, long providerAmountMinor) {
        boolean awaitingOutcome = ourStatus != null && !ourStatus.isFinal();
        return new PaymentDifference(flow, paymentId, ourStatus, ourAmountMinor, providerAmountMinor,
                providerAmountMinor - ourAmountMinor, awaitingOutcome, null);
    }

    private static UUID openIncidentOf(Map<UUID, UUID> open, String paymentId) {
        UUID ours = uuidOrNull(paymentId);
        return ours == null ? null : open.get(ours);
    }

    /** A provider record we know nothing of is named by the provider's id, which need not be one of ours. */
    private static UUID uuidOrNull(String paymentId) {
        try {
            return UUID.fromString(paymentId);
        } catch (IllegalArgumentException notOurs) {
            return null;
        }
    }
}
