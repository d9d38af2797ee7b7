-- Tamper evidence: every ledger entry carries a SHA-256 hash over its content and the hash of the entry before it
-- in the wallet's chain (see LedgerPosting). wallet_view keeps the hash of the wallet's latest entry, so the
-- projection extends a chain without reading the entries back.
ALTER TABLE ledger_entry ADD COLUMN entry_hash CHAR(64);
ALTER TABLE wallet_view ADD COLUMN last_entry_hash CHAR(64);

-- Entries written before this version have no hash. They are rebuilt from the event store, which is the ledger
-- itself: without a token, the ledger processor starts again from the first event when the application starts.
TRUNCATE ledger_entry;
DELETE FROM wallet_view;
DELETE FROM token_entry WHERE processor_name = 'ledger';

ALTER TABLE ledger_entry ALTER COLUMN entry_hash SET NOT NULL;
