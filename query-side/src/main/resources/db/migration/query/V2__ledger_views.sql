-- Read models built by the projections in query-side. Each row remembers what it last applied,
-- so a redelivered or replayed event changes nothing.

CREATE TABLE wallet_view (
    wallet_id       UUID         PRIMARY KEY,
    owner_id        UUID         NOT NULL,
    currency        CHAR(3)      NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    available_minor BIGINT       NOT NULL,
    held_minor      BIGINT       NOT NULL,
    version         BIGINT       NOT NULL,
    opened_at       TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX wallet_view_currency ON wallet_view (currency);

-- One row per posting: a wallet event gives two, one on the wallet and one on its contra account.
CREATE TABLE ledger_entry (
    entry_id            BIGSERIAL    PRIMARY KEY,
    account             VARCHAR(128) NOT NULL,
    is_wallet           BOOLEAN      NOT NULL,
    currency            CHAR(3)      NOT NULL,
    transaction_id      UUID         NOT NULL,
    kind                VARCHAR(16)  NOT NULL,
    direction           VARCHAR(6)   NOT NULL,
    amount_minor        BIGINT       NOT NULL CHECK (amount_minor > 0),
    -- Running balance; known for wallets (carried by the event), not kept for system accounts.
    balance_after_minor BIGINT,
    contra_account      VARCHAR(128) NOT NULL,
    occurred_at         TIMESTAMPTZ  NOT NULL,
    event_id            VARCHAR(255) NOT NULL,
    -- Position of the event in the global stream, and 0 for the wallet's side, 1 for the contra side:
    -- together they order postings as they happened, whichever processor thread wrote them.
    event_position      BIGINT       NOT NULL,
    posting_index       SMALLINT     NOT NULL,
    -- The wallet's event sequence number: orders a wallet's entries and is its pagination key.
    wallet_sequence     BIGINT,
    CONSTRAINT ledger_entry_event_account UNIQUE (event_id, account)
);
CREATE INDEX ledger_entry_wallet ON ledger_entry (account, wallet_sequence) WHERE is_wallet;
CREATE INDEX ledger_entry_transaction ON ledger_entry (transaction_id);
CREATE INDEX ledger_entry_system ON ledger_entry (currency) WHERE NOT is_wallet;

CREATE TABLE transfer_view (
    transfer_id           UUID         PRIMARY KEY,
    source_wallet_id      UUID         NOT NULL,
    destination_wallet_id UUID         NOT NULL,
    amount_minor          BIGINT       NOT NULL,
    currency              CHAR(3)      NOT NULL,
    status                VARCHAR(16)  NOT NULL,
    failure_code          VARCHAR(64),
    failure_reason        VARCHAR(512),
    requested_at          TIMESTAMPTZ  NOT NULL,
    finished_at           TIMESTAMPTZ,
    version               BIGINT       NOT NULL
);
