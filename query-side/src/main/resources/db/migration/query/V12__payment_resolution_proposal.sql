-- The resolution of a payment in review waiting for a second principal (four eyes), shown with the payment.
-- proposal_version is the payment sequence of the last proposal, approval or rejection applied: these columns move
-- forward on their own, apart from the status columns and their version.
ALTER TABLE payment_view
    ADD COLUMN proposal_id        UUID,
    ADD COLUMN proposed_outcome   VARCHAR(8),
    ADD COLUMN proposed_reason    TEXT,
    ADD COLUMN proposed_wallet_id UUID,
    ADD COLUMN proposed_by        TEXT,
    ADD COLUMN proposed_at        TIMESTAMPTZ,
    ADD COLUMN proposal_version   BIGINT NOT NULL DEFAULT -1;
