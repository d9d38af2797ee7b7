package com.mizani.kernel.error;

/** Stable error codes: clients branch on these, so a code is never renamed or reused. */
public enum ErrorCode {
    VALIDATION_FAILED(ErrorCategory.INVALID_INPUT),
    MALFORMED_REQUEST(ErrorCategory.INVALID_INPUT),
    REQUEST_TOO_LARGE(ErrorCategory.INVALID_INPUT),
    INVALID_AMOUNT(ErrorCategory.INVALID_INPUT),
    AMOUNT_OUT_OF_RANGE(ErrorCategory.INVALID_INPUT),
    UNKNOWN_CURRENCY(ErrorCategory.INVALID_INPUT),
    INVALID_ID(ErrorCategory.INVALID_INPUT),
    INVALID_CURSOR(ErrorCategory.INVALID_INPUT),
    IDEMPOTENCY_KEY_MISSING(ErrorCategory.INVALID_INPUT),
    IDEMPOTENCY_KEY_INVALID(ErrorCategory.INVALID_INPUT),
    SAME_WALLET(ErrorCategory.INVALID_INPUT),
    UNSUPPORTED_MEDIA_TYPE(ErrorCategory.INVALID_INPUT),
    /** The resource has no representation the request's Accept header admits (406). */
    NOT_ACCEPTABLE(ErrorCategory.INVALID_INPUT),
    METHOD_NOT_ALLOWED(ErrorCategory.INVALID_INPUT),
    INVALID_MSISDN(ErrorCategory.INVALID_INPUT),
    INVALID_CALLBACK(ErrorCategory.INVALID_INPUT),

    CALLBACK_SIGNATURE_INVALID(ErrorCategory.UNAUTHENTICATED),
    CALLBACK_SOURCE_FORBIDDEN(ErrorCategory.FORBIDDEN),
    /** Four eyes: the principal who proposed a decision may neither approve nor reject it. */
    PROPOSER_CANNOT_DECIDE(ErrorCategory.FORBIDDEN),

    // Authentication and authorization (docs/security.md).
    AUTHENTICATION_REQUIRED(ErrorCategory.UNAUTHENTICATED),
    TOKEN_INVALID(ErrorCategory.UNAUTHENTICATED),
    TOKEN_EXPIRED(ErrorCategory.UNAUTHENTICATED),
    TOKEN_ISSUER_INVALID(ErrorCategory.UNAUTHENTICATED),
    TOKEN_AUDIENCE_INVALID(ErrorCategory.UNAUTHENTICATED),
    PRINCIPAL_DISABLED(ErrorCategory.UNAUTHENTICATED),
    ACCESS_DENIED(ErrorCategory.FORBIDDEN),
    RATE_LIMITED(ErrorCategory.THROTTLED),
    CLIENT_NOT_FOUND(ErrorCategory.NOT_FOUND),
    USER_NOT_FOUND(ErrorCategory.NOT_FOUND),
    USER_EXISTS(ErrorCategory.CONFLICT),

    NOT_FOUND(ErrorCategory.NOT_FOUND),
    WALLET_NOT_FOUND(ErrorCategory.NOT_FOUND),
    TRANSFER_NOT_FOUND(ErrorCategory.NOT_FOUND),
    TRANSACTION_NOT_FOUND(ErrorCategory.NOT_FOUND),
    PAYMENT_NOT_FOUND(ErrorCategory.NOT_FOUND),
    PROJECTION_NOT_FOUND(ErrorCategory.NOT_FOUND),
    AUDIT_RECORD_NOT_FOUND(ErrorCategory.NOT_FOUND),
    ADJUSTMENT_NOT_FOUND(ErrorCategory.NOT_FOUND),
    INCIDENT_NOT_FOUND(ErrorCategory.NOT_FOUND),

    IDEMPOTENCY_KEY_REUSED(ErrorCategory.CONFLICT),
    CONCURRENT_MODIFICATION(ErrorCategory.CONFLICT),
    PAYMENT_NOT_IN_REVIEW(ErrorCategory.CONFLICT),
    REPLAY_IN_PROGRESS(ErrorCategory.CONFLICT),
    REPLAY_NOT_POSSIBLE(ErrorCategory.CONFLICT),
    /** A resolution of this payment is already waiting for approval. */
    PAYMENT_RESOLUTION_ALREADY_PROPOSED(ErrorCategory.CONFLICT),
    /** No resolution of this payment (or not the one named) is waiting for approval. */
    PAYMENT_RESOLUTION_NOT_PROPOSED(ErrorCategory.CONFLICT),
    /** The adjustment was already approved, rejected or failed. */
    ADJUSTMENT_NOT_PENDING(ErrorCategory.CONFLICT),
    /** The payment has no open incident (or the one named is not open). */
    INCIDENT_NOT_OPEN(ErrorCategory.CONFLICT),
    /** A correction of this incident is already waiting for approval. */
    INCIDENT_CORRECTION_ALREADY_PROPOSED(ErrorCategory.CONFLICT),
    /** No correction of this incident (or not the one named) is waiting for approval. */
    INCIDENT_CORRECTION_NOT_PROPOSED(ErrorCategory.CONFLICT),

    INSUFFICIENT_FUNDS(ErrorCategory.REFUSED),
    WALLET_FROZEN(ErrorCategory.REFUSED),
    WALLET_CLOSED(ErrorCategory.REFUSED),
    WALLET_NOT_EMPTY(ErrorCategory.REFUSED),
    CURRENCY_MISMATCH(ErrorCategory.REFUSED),
    BALANCE_LIMIT_EXCEEDED(ErrorCategory.REFUSED),
    CURRENCY_NOT_SUPPORTED(ErrorCategory.REFUSED),

    SERVICE_UNAVAILABLE(ErrorCategory.UNAVAILABLE),
    INTERNAL_ERROR(ErrorCategory.INTERNAL);

    private final ErrorCategory category;

    ErrorCode(ErrorCategory category) {
        this.category = category;
    }

    public ErrorCategory category() {
        return category;
    }
}
