package com.mizani.query.ops;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.payment.PaymentKind;
import com.mizani.kernel.payment.PaymentStatus;
import com.mizani.kernel.transfer.TransferStatus;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** What operations see as one kind of activity: transfers from {@code transfer_view}, payments by their kind. */
public enum ActivityType {
    TRANSFER(names(TransferStatus.values())),
    DEPOSIT(names(PaymentStatus.values())),
    WITHDRAWAL(names(PaymentStatus.values()));

    private final List<String> statuses;

    ActivityType(List<String> statuses) {
        this.statuses = statuses;
    }

    boolean hasStatus(String status) {
        return statuses.contains(status);
    }

    boolean isPayment() {
        return this != TRANSFER;
    }

    /** The kind of payments of this type; only for a payment type. */
    PaymentKind paymentKind() {
        if (!isPayment()) {
            throw new IllegalStateException(this + " is not a kind of payment");
        }
        return PaymentKind.valueOf(name());
    }

    static ActivityType of(PaymentKind kind) {
        return valueOf(kind.name());
    }

    /** Null for no filter; anything but a type's exact name is refused. */
    static ActivityType parse(String type) {
        if (type == null) {
            return null;
        }
        for (ActivityType candidate : values()) {
            if (candidate.name().equals(type)) {
                return candidate;
            }
        }
        throw new MizaniException(ErrorCode.VALIDATION_FAILED, "type must be one of " + List.of(values()));
    }

    /** Null for no filter; a status no type has is refused. */
    static String parseStatus(String status) {
        if (status == null) {
            return null;
        }
        if (Arrays.stream(values()).noneMatch(type -> type.hasStatus(status))) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED, "status must be a transfer status "
                    + List.of(TransferStatus.values()) + " or a payment status " + List.of(PaymentStatus.values()));
        }
        return status;
    }

    private static List<String> names(Enum<?>[] statuses) {
        return Stream.of(statuses).map(Enum::name).toList();
    }
}
