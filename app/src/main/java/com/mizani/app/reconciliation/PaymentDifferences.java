package com.mizani.app.reconciliation;

import com.mizani.kernel.payment.PaymentStatus;
import com.mizani.query.payment.PayoutStanding;
import com.mizani.query.payment.ProviderSettlementQueries;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Names the payouts behind a difference of the totals: compares, payout by payout, what the provider's statement
 * says it paid with what our books moved. It reads every payout on both sides, so the watchdog asks only when the
 * totals differ.
 */
@Component
public class PaymentDifferences {

    /** How many differences a report lists; the count covers them all. */
    static final int LISTED = 100;
    private static final int PAGE = 5_000;
    /** Unexplained ones first: they are what an operator must look at. */
    private static final Comparator<PaymentDifference> ORDER = Comparator
            .comparing(PaymentDifference::awaitingOutcome)
            .thenComparing(PaymentDifference::paymentId);

    private final ProviderSettlementQueries ours;

    public PaymentDifferences(ProviderSettlementQueries ours) {
        this.ours = ours;
    }

    /** @param listed the first {@link #LISTED}, unexplained ones first; {@code count} is of all of them */
    public record Found(List<PaymentDifference> listed, long count) {
        static final Found NONE = new Found(List.of(), 0);
    }

    /** @param providerPaid what the provider paid out, in KES cents, by OriginatorConversationID (paid ones only) */
    public Found between(Map<String, Long> providerPaid) {
        Map<String, Long> notMatchedYet = new HashMap<>(providerPaid);
        List<PaymentDifference> found = new ArrayList<>();
        UUID after = null;
        List<PayoutStanding> page;
        do {
            page = ours.payoutsAfter(after, PAGE);
            for (PayoutStanding payout : page) {
                Long theirs = notMatchedYet.remove(payout.paymentId().toString());
                PaymentDifference difference = of(payout.paymentId().toString(), payout.status(),
                        payout.status() == PaymentStatus.SETTLED ? payout.amountMinor() : 0, theirs == null ? 0 : theirs);
                if (difference.differenceMinor() != 0) {
                    found.add(difference);
                }
            }
            after = page.isEmpty() ? after : page.getLast().paymentId();
        } while (page.size() == PAGE);
        notMatchedYet.forEach((paymentId, theirs) -> {
            if (theirs != 0) {
                found.add(of(paymentId, null, 0, theirs));
            }
        });
        found.sort(ORDER);
        return new Found(List.copyOf(found.subList(0, Math.min(LISTED, found.size()))), found.size());
    }

    static PaymentDifference of(String paymentId, PaymentStatus ourStatus, long ourAmountMinor, long providerAmountMinor) {
        boolean awaitingOutcome = ourStatus != null && !ourStatus.isFinal();
        return new PaymentDifference(paymentId, ourStatus, ourAmountMinor, providerAmountMinor,
                providerAmountMinor - ourAmountMinor, awaitingOutcome);
    }
}
