-- Incidents (a definitive provider message contradicting a final payment) as GET /api/v1/ops/incidents and
-- /{incidentId} show them (IncidentProjection). Free text and principal ids are TEXT: the view must take whatever an
-- event carries, never refuse it.
CREATE TABLE incident_view (
    incident_id                UUID         PRIMARY KEY,
    payment_id                 UUID         NOT NULL,
    -- The payment's wallet and currency, which no contradiction carries: taken from the first correction proposed,
    -- which the system proposes in the same unit of work as the contradiction that opens the incident.
    wallet_id                  UUID,
    currency                   CHAR(3),
    kind                       VARCHAR(32)  NOT NULL,
    status                     VARCHAR(8)   NOT NULL,
    payment_status             VARCHAR(16)  NOT NULL,
    booked_minor               BIGINT       NOT NULL,
    claimed_minor              BIGINT       NOT NULL,
    difference_minor           BIGINT       NOT NULL,
    opened_at                  TIMESTAMPTZ  NOT NULL,
    -- The provider's message that opened the incident.
    evidence                   VARCHAR(16)  NOT NULL,
    evidence_outcome           VARCHAR(16)  NOT NULL,
    evidence_result_code       TEXT,
    evidence_description       TEXT,
    evidence_receipt           TEXT,
    evidence_amount_minor      BIGINT,
    -- Contradictions recorded under the incident, and the latest of them (the opening one until another comes).
    contradiction_count        INT          NOT NULL,
    latest_at                  TIMESTAMPTZ  NOT NULL,
    latest_evidence            VARCHAR(16)  NOT NULL,
    latest_outcome             VARCHAR(16)  NOT NULL,
    latest_result_code         TEXT,
    latest_description         TEXT,
    latest_receipt             TEXT,
    latest_amount_minor        BIGINT,
    -- The correction waiting for approval, if any.
    proposal_id                UUID,
    proposed_action            VARCHAR(16),
    proposed_amount_minor      BIGINT,
    proposal_reason            TEXT,
    proposed_by                TEXT,
    proposed_at                TIMESTAMPTZ,
    -- The approved correction, once RESOLVED.
    resolved_proposal_id       UUID,
    resolved_action            VARCHAR(16),
    resolved_amount_minor      BIGINT,
    resolved_proposed_by       TEXT,
    approved_by                TEXT,
    resolution_note            TEXT,
    resolved_at                TIMESTAMPTZ,
    -- The global position of the opening event: the list's order (oldest first) and its cursor. Taken from the event
    -- store, so a rebuilt view is identical to the live one.
    list_position              BIGINT       NOT NULL UNIQUE,
    -- The payment's last event sequence applied to the correction (proposal, rejection, resolution) and to the
    -- contradictions: each part of the row only moves forward, whatever order a batch's statements run in.
    version                    BIGINT       NOT NULL,
    contradiction_version      BIGINT       NOT NULL
);
CREATE INDEX incident_view_status_position ON incident_view (status, list_position);
-- GET /api/v1/payments/{id} and investigations look incidents up by payment.
CREATE INDEX incident_view_payment ON incident_view (payment_id);

-- The payment's history as the contradiction that opened the incident carried it, one row per line.
CREATE TABLE incident_history (
    incident_id UUID         NOT NULL,
    line        INT          NOT NULL,
    occurred_at TIMESTAMPTZ  NOT NULL,
    event       TEXT         NOT NULL,
    detail      TEXT,
    PRIMARY KEY (incident_id, line)
);
