-- Manual adjustments as the checker's inbox and GET /api/v1/ops/adjustments/{id} show them (AdjustmentProjection).
-- Free text and principal ids are TEXT: the view must take whatever an event carries, never refuse it.
CREATE TABLE adjustment_view (
    adjustment_id   UUID         PRIMARY KEY,
    wallet_id       UUID         NOT NULL,
    amount_minor    BIGINT       NOT NULL,
    currency        CHAR(3)      NOT NULL,
    direction       VARCHAR(6)   NOT NULL,
    reason          TEXT         NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    proposed_by     TEXT         NOT NULL,
    proposed_at     TIMESTAMPTZ  NOT NULL,
    approved_by     TEXT,
    rejected_by     TEXT,
    decision_reason TEXT,
    decided_at      TIMESTAMPTZ,
    failure_code    VARCHAR(64),
    failure_reason  TEXT,
    -- The global position of the proposal event: the list's order (oldest first) and its cursor. Taken from the
    -- event store, so a rebuilt view is identical to the live one.
    list_position   BIGINT       NOT NULL UNIQUE,
    -- The adjustment's last event sequence applied: the row only moves forward.
    version         BIGINT       NOT NULL
);
CREATE INDEX adjustment_view_status_position ON adjustment_view (status, list_position);
