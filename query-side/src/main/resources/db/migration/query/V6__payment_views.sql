-- Payments as the API and operations see them, and each payment's timeline (one row per event).
CREATE TABLE payment_view (
    payment_id         UUID         PRIMARY KEY,
    kind               VARCHAR(16)  NOT NULL,
    method             VARCHAR(16)  NOT NULL,
    wallet_id          UUID,
    amount_minor       BIGINT       NOT NULL,
    fee_minor          BIGINT       NOT NULL,
    currency           CHAR(3)      NOT NULL,
    msisdn_masked      VARCHAR(32),
    status             VARCHAR(16)  NOT NULL,
    provider_reference VARCHAR(128),
    receipt            VARCHAR(64),
    failure_code       VARCHAR(64),
    failure_reason     VARCHAR(512),
    requested_at       TIMESTAMPTZ  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL,
    version            BIGINT       NOT NULL
);
-- Operations list payments by status, oldest first.
CREATE INDEX payment_view_status ON payment_view (status, requested_at);

CREATE TABLE payment_timeline (
    payment_id  UUID         NOT NULL,
    sequence    BIGINT       NOT NULL,
    occurred_at TIMESTAMPTZ  NOT NULL,
    event       VARCHAR(64)  NOT NULL,
    status      VARCHAR(16),
    detail      VARCHAR(512),
    PRIMARY KEY (payment_id, sequence)
);
