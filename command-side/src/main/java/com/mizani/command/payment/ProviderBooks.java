package com.mizani.command.payment;

import com.mizani.kernel.payment.ContradictionKind;
import com.mizani.kernel.payment.Evidence;
import com.mizani.kernel.payment.PaymentStatus;
import com.mizani.kernel.payment.ProviderResult;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What our books say the provider moved for a final payment, and by which receipts: the measure a late provider
 * message is held against. A message that agrees changes nothing; one that does not is a {@link Contradiction}.
 *
 * @param movedMinor what the provider moved for the payment, as our books say (its amount once settled, zero once
 *                   failed, and whatever approved corrections made of it since)
 * @param receipts   the provider's receipts our books know, each with the amount it moved; empty when none is known
 *                   (a failed payment, or one settled by operators or in cash)
 */
record ProviderBooks(long movedMinor, Map<String, Long> receipts) {

    static final ProviderBooks NOTHING_MOVED = new ProviderBooks(0, Map.of());

    ProviderBooks {
        receipts = Map.copyOf(receipts);
    }

    static ProviderBooks settled(String receipt, long amountMinor) {
        return new ProviderBooks(amountMinor, receipt == null ? Map.of() : Map.of(receipt, amountMinor));
    }

    /** A definitive message from the provider that disagrees with these books: what kind, and what it says moved. */
    record Contradiction(ContradictionKind kind, long claimedMinor) {
    }

    /**
     * Whether {@code result} contradicts these books. Only definitive messages from the provider can: "not found" or
     * "unknown" say what the provider has not seen, and an operator's decision is our own.
     *
     * @param requestedMinor the payment's amount, which a message that reports none is taken to mean
     */
    Optional<Contradiction> contradictionBy(ProviderResult result, PaymentStatus status, long requestedMinor) {
        if (!result.isDefinitive() || result.evidence() == Evidence.OPERATOR) {
            return Optional.empty();
        }
        if (result.outcome() == ProviderResult.Outcome.NOT_PAID) {
            return movedMinor == 0 ? Optional.empty()
                    : Optional.of(new Contradiction(ContradictionKind.NOT_PAID_AFTER_SETTLED, 0));
        }
        long reported = reportedAmount(result, requestedMinor);
        Long booked = result.receipt() == null ? null : receipts.get(result.receipt());
        if (booked != null) {
            return reported == booked ? Optional.empty() : Optional.of(new Contradiction(
                    ContradictionKind.AMOUNT_AFTER_SETTLED, movedMinor - booked + reported));
        }
        if (movedMinor == 0) {
            return Optional.of(new Contradiction(status == PaymentStatus.FAILED ? ContradictionKind.PAID_AFTER_FAILED
                    : ContradictionKind.OTHER_RECEIPT_AFTER_SETTLED, reported));
        }
        if (receipts.isEmpty() || result.receipt() == null) {
            // Nothing to tell one payment from another by: only the amount can disagree.
            return reported == movedMinor ? Optional.empty()
                    : Optional.of(new Contradiction(ContradictionKind.AMOUNT_AFTER_SETTLED, reported));
        }
        return Optional.of(new Contradiction(ContradictionKind.OTHER_RECEIPT_AFTER_SETTLED, movedMinor + reported));
    }

    /**
     * The books once a correction of {@code movedByCorrectionMinor} (what the provider moved that our books now
     * show, negative when they now show less) is approved; the receipts the incident's messages reported become known.
     */
    ProviderBooks corrected(long movedByCorrectionMinor, Map<String, Long> reportedReceipts) {
        long moved = movedMinor + movedByCorrectionMinor;
        if (moved == 0) {
            return NOTHING_MOVED;
        }
        Map<String, Long> known = new HashMap<>(receipts);
        known.putAll(reportedReceipts);
        return new ProviderBooks(moved, known);
    }

    static long reportedAmount(ProviderResult result, long requestedMinor) {
        return result.amountMinor() == null ? requestedMinor : result.amountMinor();
    }
}
