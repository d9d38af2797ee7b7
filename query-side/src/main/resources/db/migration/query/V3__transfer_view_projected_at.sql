-- When the projection wrote the transfer's latest status (database clock). Compared with the event's time it gives
-- the projection lag, which the benchmark reports and operations can watch.
ALTER TABLE transfer_view ADD COLUMN projected_at TIMESTAMPTZ;
CREATE INDEX transfer_view_projected_at ON transfer_view (projected_at);
