-- Payroll jobs and their items as GET /api/v1/payroll/jobs/{id} and its items list show them (PayrollProjection).
-- Free text and principal ids are TEXT: the view must take whatever an event carries, never refuse it.
CREATE TABLE payroll_job_view (
    job_id           UUID         PRIMARY KEY,
    source_wallet_id UUID         NOT NULL,
    name             TEXT         NOT NULL,
    status           VARCHAR(32)  NOT NULL,
    total_items      INTEGER      NOT NULL,
    total_minor      BIGINT       NOT NULL,
    currency         CHAR(3)      NOT NULL,
    -- The index of the first item not paid yet: items before it are COMPLETED or FAILED.
    checkpoint       INTEGER      NOT NULL,
    succeeded_items  INTEGER      NOT NULL,
    failed_items     INTEGER      NOT NULL,
    created_by       TEXT         NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL,
    approved_by      TEXT,
    decided_by       TEXT,
    decision_reason  TEXT,
    -- The last refusal of an approval by the source wallet (INSUFFICIENT_FUNDS...), while the job waits.
    approval_refusal VARCHAR(64),
    updated_at       TIMESTAMPTZ  NOT NULL,
    -- The job's last event sequence applied: the row only moves forward.
    version          BIGINT       NOT NULL
);
-- The runner's look for running jobs.
CREATE INDEX payroll_job_view_status ON payroll_job_view (status);

CREATE TABLE payroll_item_view (
    job_id         UUID         NOT NULL,
    item_index     INTEGER      NOT NULL,
    reference      TEXT         NOT NULL,
    amount_minor   BIGINT       NOT NULL,
    currency       CHAR(3)      NOT NULL,
    wallet_id      UUID,
    msisdn_masked  TEXT,
    status         VARCHAR(16)  NOT NULL,
    transfer_id    UUID,
    failure_code   VARCHAR(64),
    PRIMARY KEY (job_id, item_index)
);
CREATE INDEX payroll_item_view_status ON payroll_item_view (job_id, status, item_index);
