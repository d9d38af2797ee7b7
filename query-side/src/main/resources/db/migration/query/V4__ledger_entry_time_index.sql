-- Point-in-time balances look up a wallet's last entry at or before an instant.
CREATE INDEX ledger_entry_wallet_time ON ledger_entry (account, occurred_at, wallet_sequence) WHERE is_wallet;
