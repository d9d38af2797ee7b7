-- Operations views: recent activity and statistics read transfers and payments by time, for all wallets or one.
CREATE INDEX transfer_view_requested_at ON transfer_view (requested_at, transfer_id);
CREATE INDEX transfer_view_source_requested_at ON transfer_view (source_wallet_id, requested_at);
CREATE INDEX transfer_view_destination_requested_at ON transfer_view (destination_wallet_id, requested_at);
CREATE INDEX payment_view_requested_at ON payment_view (requested_at, payment_id);
CREATE INDEX payment_view_wallet_requested_at ON payment_view (wallet_id, requested_at);
-- Failed payouts are listed by when they failed.
CREATE INDEX payment_view_status_updated_at ON payment_view (status, updated_at);

-- The invariant watchdog looks for transactions whose transit postings do not net to zero. Transit postings are a
-- small share of all entries; this index holds only them, with what the check sums.
CREATE INDEX ledger_entry_transit ON ledger_entry (transaction_id, currency) INCLUDE (direction, amount_minor, occurred_at)
    WHERE account LIKE 'transit:%';
