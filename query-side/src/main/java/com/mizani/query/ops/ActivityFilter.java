package com.mizani.query.ops;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.payment.PaymentKind;
import com.mizani.kernel.payment.PaymentStatus;
import com.mizani.kernel.transfer.TransferStatus;
import com.mizani.query.ops.ActivityController.Activity;
import com.mizani.query.payment.PaymentViewRepository;
import com.mizani.query.support.Instants;
import com.mizani.query.support.NewestFirst;
import com.mizani.query.transfer.TransferViewRepository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The filters of the activity list, checked, and what they select: transfers and payments in one list, newest
 * first, each side narrowed in its own view so that its indexes serve.
 *
 * @param type   null for every type
 * @param status null for every status; a status only some types have limits the list to those types
 */
record ActivityFilter(ActivityType type, String status, UUID walletId, Instant from, Instant to) {

    /** The list's order: by request time, then id, both descending, the id compared as PostgreSQL compares it. */
    static final Comparator<Activity> NEWEST_FIRST = Comparator.comparing(Activity::requestedAt)
            .thenComparing(Activity::id, ActivityFilter::compareAsPostgres)
            .reversed();

    static ActivityFilter of(String type, String status, UUID walletId, String from, String to) {
        ActivityFilter filter = new ActivityFilter(ActivityType.parse(type), ActivityType.parseStatus(status),
                walletId, from == null ? null : Instants.parse("from", from), to == null ? null : Instants.parse("to", to));
        if (filter.from != null && filter.to != null && !filter.from.isBefore(filter.to)) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED, "from must be before to");
        }
        if (!filter.includesTransfers() && !filter.includesPayments()) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED, "status " + status + " does not apply to " + type);
        }
        return filter;
    }

    /**
     * The first {@code limit} transfers and payments after the cursor, newest first: each view's first ones, merged
     * in the list's order.
     */
    List<Activity> select(TransferViewRepository transfers, PaymentViewRepository payments, ActivityCursor after, int limit) {
        NewestFirst page = new NewestFirst(from, to, after == null ? null : after.requestedAt(),
                after == null ? null : after.id(), limit);
        List<Activity> found = new ArrayList<>();
        if (includesTransfers()) {
            transfers.newestFirst(status == null ? null : TransferStatus.valueOf(status), walletId, page)
                    .forEach(transfer -> found.add(Activity.of(transfer)));
        }
        if (includesPayments()) {
            PaymentKind kind = type != null && type.isPayment() ? type.paymentKind() : null;
            payments.newestFirst(kind, status == null ? null : PaymentStatus.valueOf(status), walletId, page)
                    .forEach(payment -> found.add(Activity.of(payment)));
        }
        return found.stream().sorted(NEWEST_FIRST).limit(limit).toList();
    }

    /** PostgreSQL orders uuids by their bytes, unsigned; {@link UUID#compareTo} compares signed halves. */
    private static int compareAsPostgres(UUID left, UUID right) {
        int high = Long.compareUnsigned(left.getMostSignificantBits(), right.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(left.getLeastSignificantBits(), right.getLeastSignificantBits());
    }

    private boolean includesTransfers() {
        return (type == null || type == ActivityType.TRANSFER)
                && (status == null || ActivityType.TRANSFER.hasStatus(status));
    }

    private boolean includesPayments() {
        return (type == null || type.isPayment()) && (status == null || ActivityType.DEPOSIT.hasStatus(status));
    }
}
