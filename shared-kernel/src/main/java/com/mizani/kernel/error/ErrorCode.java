package com.mizani.kernel.error;

/** Stable error codes: clients branch on these, so a code is never renamed or reused. */
public enum ErrorCode {
    VALIDATION_FAILED(ErrorCategory.INVALID_INPUT,
            "a field, parameter or header is missing or has a value outside what the operation accepts"),
    MALFORMED_REQUEST(ErrorCategory.INVALID_INPUT,
            "the body is not JSON of the expected shape, or the path, query or headers cannot be read"),
    REQUEST_TOO_LARGE(ErrorCategory.INVALID_INPUT,
            "the body is larger than this API accepts"),
    BATCH_TOO_LARGE(ErrorCategory.INVALID_INPUT,
            "the batch holds more items than one request may carry"),
    INVALID_AMOUNT(ErrorCategory.INVALID_INPUT,
            "the amount is not a positive decimal string with at most the currency's decimals"),
    AMOUNT_OUT_OF_RANGE(ErrorCategory.INVALID_INPUT,
            "the amount is larger than one request may move"),
    AMOUNT_TOO_SMALL(ErrorCategory.INVALID_INPUT,
            "the amount converts to less than one minor unit of the other currency, or leaves nothing after the fee"),
    UNKNOWN_CURRENCY(ErrorCategory.INVALID_INPUT,
            "the currency is not an ISO 4217 code"),
    INVALID_ID(ErrorCategory.INVALID_INPUT,
            "an id is not a UUID"),
    INVALID_CURSOR(ErrorCategory.INVALID_INPUT,
            "the cursor is not one this list gave out"),
    IDEMPOTENCY_KEY_MISSING(ErrorCategory.INVALID_INPUT,
            "the operation needs an Idempotency-Key header"),
    IDEMPOTENCY_KEY_INVALID(ErrorCategory.INVALID_INPUT,
            "the Idempotency-Key is empty, too long or has characters outside visible ASCII"),
    SAME_WALLET(ErrorCategory.INVALID_INPUT,
            "the source and destination wallet are the same"),
    UNSUPPORTED_MEDIA_TYPE(ErrorCategory.INVALID_INPUT,
            "the body is not application/json"),
    /** The resource has no representation the request's Accept header admits (406). */
    NOT_ACCEPTABLE(ErrorCategory.INVALID_INPUT,
            "the resource has no representation the Accept header admits"),
    METHOD_NOT_ALLOWED(ErrorCategory.INVALID_INPUT,
            "the path exists but not with this HTTP method"),
    INVALID_MSISDN(ErrorCategory.INVALID_INPUT,
            "the phone number is not a mobile-money number of the provider's country"),
    INVALID_CALLBACK(ErrorCategory.INVALID_INPUT,
            "the provider's message is not one Mizani can read"),
    /** The payroll CSV cannot be read as a table at all; a readable table with bad lines is PAYROLL_JOB_INVALID. */
    PAYROLL_CSV_INVALID(ErrorCategory.INVALID_INPUT,
            "the CSV body is not UTF-8, lacks the header reference,amount,currency,walletId,msisdn, or its quoting is broken"),

    CALLBACK_SIGNATURE_INVALID(ErrorCategory.UNAUTHENTICATED,
            "the callback's signature header is missing or is not the HMAC of its body"),
    CALLBACK_SOURCE_FORBIDDEN(ErrorCategory.FORBIDDEN,
            "the callback comes from an address the provider does not send from"),
    /** Four eyes: the principal who proposed a decision may neither approve nor reject it. */
    PROPOSER_CANNOT_DECIDE(ErrorCategory.FORBIDDEN,
            "four eyes: the principal that proposed a decision may not approve or reject it"),

    // Authentication and authorization (docs/security.md).
    AUTHENTICATION_REQUIRED(ErrorCategory.UNAUTHENTICATED,
            "no bearer token was sent"),
    TOKEN_INVALID(ErrorCategory.UNAUTHENTICATED,
            "the bearer token is not a JWT this API can verify"),
    TOKEN_EXPIRED(ErrorCategory.UNAUTHENTICATED,
            "the bearer token has expired; ask for a new one"),
    TOKEN_ISSUER_INVALID(ErrorCategory.UNAUTHENTICATED,
            "the bearer token comes from an issuer this API does not trust"),
    TOKEN_AUDIENCE_INVALID(ErrorCategory.UNAUTHENTICATED,
            "the bearer token is meant for another audience"),
    PRINCIPAL_DISABLED(ErrorCategory.UNAUTHENTICATED,
            "the client or user of the token has been disabled"),
    ACCESS_DENIED(ErrorCategory.FORBIDDEN,
            "the caller's roles do not allow this operation, or a customer acts on what is not its own"),
    RATE_LIMITED(ErrorCategory.THROTTLED,
            "more requests than the principal's rate limit allows; retry after Retry-After seconds"),
    CLIENT_NOT_FOUND(ErrorCategory.NOT_FOUND,
            "no client has this id"),
    USER_NOT_FOUND(ErrorCategory.NOT_FOUND,
            "no user has this name"),
    USER_EXISTS(ErrorCategory.CONFLICT,
            "a user with this name exists already"),

    NOT_FOUND(ErrorCategory.NOT_FOUND,
            "no such resource"),
    WALLET_NOT_FOUND(ErrorCategory.NOT_FOUND,
            "no wallet has this id (or it is not the customer's own)"),
    TRANSFER_NOT_FOUND(ErrorCategory.NOT_FOUND,
            "no transfer has this id (or it is not the customer's own)"),
    TRANSACTION_NOT_FOUND(ErrorCategory.NOT_FOUND,
            "no transaction has this id (or it is not the customer's own)"),
    PAYMENT_NOT_FOUND(ErrorCategory.NOT_FOUND,
            "no payment has this id (or it is not the customer's own)"),
    PROJECTION_NOT_FOUND(ErrorCategory.NOT_FOUND,
            "no projection has this name"),
    AUDIT_RECORD_NOT_FOUND(ErrorCategory.NOT_FOUND,
            "the audit views hold no record of this id"),
    ADJUSTMENT_NOT_FOUND(ErrorCategory.NOT_FOUND,
            "no adjustment has this id"),
    INCIDENT_NOT_FOUND(ErrorCategory.NOT_FOUND,
            "no incident has this id"),
    PAYROLL_JOB_NOT_FOUND(ErrorCategory.NOT_FOUND,
            "no payroll job has this id"),
    QUOTE_NOT_FOUND(ErrorCategory.NOT_FOUND,
            "no FX quote has this id (or it was issued to another principal)"),
    QUOTE_EXPIRED(ErrorCategory.GONE,
            "the FX quote has expired: ask for a new one"),

    IDEMPOTENCY_KEY_REUSED(ErrorCategory.CONFLICT,
            "the Idempotency-Key was used before with another body"),
    CONCURRENT_MODIFICATION(ErrorCategory.CONFLICT,
            "the resource was changed concurrently; repeat the request with the same Idempotency-Key"),
    PAYMENT_NOT_IN_REVIEW(ErrorCategory.CONFLICT,
            "the payment is not waiting for an operator's decision"),
    /** Only a payout or STK deposit the provider has and that is still open can be asked about. */
    STATUS_QUERY_NOT_POSSIBLE(ErrorCategory.CONFLICT,
            "the provider cannot be asked about this payment now: it is final, not sent yet, or the provider has no "
                    + "query for its kind"),
    // Webhooks (docs/webhooks.md).
    WEBHOOK_ENDPOINT_NOT_FOUND(ErrorCategory.NOT_FOUND,
            "no webhook endpoint of the caller has this id"),
    WEBHOOK_URL_NOT_ALLOWED(ErrorCategory.INVALID_INPUT,
            "the URL is not an absolute http(s) URL of a public address: private, loopback and link-local ones are refused unless configured"),
    UNKNOWN_EVENT_TYPE(ErrorCategory.INVALID_INPUT,
            "an event type is not one of the public event types (GET /api/v1/webhooks/event-types), nor *"),
    WEBHOOK_ENDPOINT_LIMIT(ErrorCategory.REFUSED,
            "the caller has as many webhook endpoints as one principal may register"),
    WEBHOOK_ENDPOINT_DISABLED(ErrorCategory.CONFLICT,
            "the endpoint is disabled: enable it first"),
    EVENT_NOT_FOUND(ErrorCategory.NOT_FOUND,
            "no public event of the store has this id"),
    REPLAY_IN_PROGRESS(ErrorCategory.CONFLICT,
            "the projection is being rebuilt already"),
    REPLAY_NOT_POSSIBLE(ErrorCategory.CONFLICT,
            "the projection cannot be rebuilt now"),
    /** A resolution of this payment is already waiting for approval. */
    PAYMENT_RESOLUTION_ALREADY_PROPOSED(ErrorCategory.CONFLICT,
            "a resolution of this payment is already waiting for approval"),
    /** No resolution of this payment (or not the one named) is waiting for approval. */
    PAYMENT_RESOLUTION_NOT_PROPOSED(ErrorCategory.CONFLICT,
            "no resolution of this payment, or not the one named, is waiting for approval"),
    /** The adjustment was already approved, rejected or failed. */
    ADJUSTMENT_NOT_PENDING(ErrorCategory.CONFLICT,
            "the adjustment was already approved, rejected or failed"),
    /** The payment has no open incident (or the one named is not open). */
    INCIDENT_NOT_OPEN(ErrorCategory.CONFLICT,
            "the payment has no open incident, or the one named is not open"),
    /** A correction of this incident is already waiting for approval. */
    INCIDENT_CORRECTION_ALREADY_PROPOSED(ErrorCategory.CONFLICT,
            "a correction of this incident is already waiting for approval"),
    /** No correction of this incident (or not the one named) is waiting for approval. */
    INCIDENT_CORRECTION_NOT_PROPOSED(ErrorCategory.CONFLICT,
            "no correction of this incident, or not the one named, is waiting for approval"),
    /** The payroll job was already approved, rejected or cancelled. */
    PAYROLL_JOB_NOT_PENDING(ErrorCategory.CONFLICT,
            "the payroll job is no longer waiting for approval"),
    /** The payroll job is completed, rejected or cancelled: there is nothing left to stop. */
    PAYROLL_JOB_FINISHED(ErrorCategory.CONFLICT,
            "the payroll job has finished (completed, rejected or cancelled)"),

    INSUFFICIENT_FUNDS(ErrorCategory.REFUSED,
            "the wallet's available balance is less than the amount"),
    WALLET_FROZEN(ErrorCategory.REFUSED,
            "the wallet is frozen: no money may leave or enter it"),
    WALLET_CLOSED(ErrorCategory.REFUSED,
            "the wallet is closed"),
    WALLET_NOT_EMPTY(ErrorCategory.REFUSED,
            "a wallet that holds money cannot be closed"),
    CURRENCY_MISMATCH(ErrorCategory.REFUSED,
            "the currency is not the wallet's"),
    BALANCE_LIMIT_EXCEEDED(ErrorCategory.REFUSED,
            "the credit would take the wallet above the largest balance it may hold"),
    CURRENCY_NOT_SUPPORTED(ErrorCategory.REFUSED,
            "the provider does not pay out or collect in this currency"),
    /** Two items under one key would be one transfer: the second would be the first's repeat, or a reused key. */
    DUPLICATE_BATCH_KEY(ErrorCategory.REFUSED,
            "two items of the batch have the same idempotency key"),
    /** At least one line of a payroll job is invalid: the problem's errors list every line, field and code. */
    PAYROLL_JOB_INVALID(ErrorCategory.REFUSED,
            "lines of the payroll job are invalid; errors lists each as {line, field, code}, and nothing was created"),
    /** A line's code in PAYROLL_JOB_INVALID: its reference was used by an earlier line of the job. */
    DUPLICATE_PAYROLL_REFERENCE(ErrorCategory.REFUSED,
            "two lines of the payroll job have the same reference"),
    /**
     * A payroll item's failure code, never an answer to a request: the provider did not pay the item's payout. Its
     * providerResultCode and failureReason say why, and the amount and fee went back to the source.
     */
    PAYOUT_FAILED(ErrorCategory.REFUSED,
            "the provider did not pay the payout; its result code and reason come with it"),

    QUOTE_USED(ErrorCategory.CONFLICT,
            "the FX quote was consumed by a transfer already; a quote is single-use"),
    QUOTE_MISMATCH(ErrorCategory.REFUSED,
            "the transfer's currencies, amount or principal differ from the FX quote's"),
    FX_PAIR_UNSUPPORTED(ErrorCategory.REFUSED,
            "Mizani does not quote this pair of currencies"),
    FX_UNAVAILABLE(ErrorCategory.UNAVAILABLE,
            "the FX rate source is down or its rates are stale; no rate is ever made up or reused: retry after "
                    + "Retry-After seconds"),

    READ_MODEL_BEHIND(ErrorCategory.UNAVAILABLE,
            "the view has not caught up with the writes answered before this read (it is being rebuilt, or its "
                    + "projection is stalled); retry after Retry-After"),
    /** Back-pressure on payouts: too many accepted ones wait to be sent to the provider (docs/payments.md). */
    PAYOUTS_BACKLOGGED(ErrorCategory.UNAVAILABLE,
            "more payouts wait to be sent to the provider than Mizani holds at once; nothing was reserved: retry after "
                    + "Retry-After seconds with the same Idempotency-Key"),
    /** The provider did not take a question asked on request; the question was recorded as not sent. */
    PROVIDER_UNAVAILABLE(ErrorCategory.UNAVAILABLE,
            "the provider could not be reached or refused the question; retry after Retry-After seconds"),
    SERVICE_UNAVAILABLE(ErrorCategory.UNAVAILABLE,
            "a dependency (the ledger database) is unavailable; retry later with the same Idempotency-Key"),
    INTERNAL_ERROR(ErrorCategory.INTERNAL,
            "a fault of Mizani's own, never the answer to bad input; retry later with the same Idempotency-Key");

    private final ErrorCategory category;
    private final String meaning;

    ErrorCode(ErrorCategory category, String meaning) {
        this.category = category;
        this.meaning = meaning;
    }

    public ErrorCategory category() {
        return category;
    }

    /** What the code tells a client, in the words of the API reference (each operation lists the codes it answers). */
    public String meaning() {
        return meaning;
    }
}
