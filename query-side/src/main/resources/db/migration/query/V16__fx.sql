-- FX quotes as the API shows them (docs/fx.md); written by the transfers projection group.
CREATE TABLE fx_quote_view (
    quote_id          UUID         PRIMARY KEY,
    principal         VARCHAR(255) NOT NULL,
    source_currency   CHAR(3)      NOT NULL,
    source_minor      BIGINT       NOT NULL,
    fee_minor         BIGINT       NOT NULL,
    destination_currency CHAR(3)   NOT NULL,
    destination_minor BIGINT       NOT NULL,
    rate              VARCHAR(40)  NOT NULL,
    spread_bps        INTEGER      NOT NULL,
    rate_as_of        TIMESTAMPTZ  NOT NULL,
    rate_source       VARCHAR(255) NOT NULL,
    issued_at         TIMESTAMPTZ  NOT NULL,
    expires_at        TIMESTAMPTZ  NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    transfer_id       UUID,
    used_at           TIMESTAMPTZ,
    version           BIGINT       NOT NULL
);

-- A cross-currency transfer: the quote it asked for, and once it converted, the quote's terms.
ALTER TABLE transfer_view
    ADD COLUMN fx_quote_id             UUID,
    ADD COLUMN fx_rate                 VARCHAR(40),
    ADD COLUMN fx_fee_minor            BIGINT,
    ADD COLUMN fx_destination_minor    BIGINT,
    ADD COLUMN fx_destination_currency CHAR(3);

-- Every posting of a conversion records its quote and rate.
ALTER TABLE ledger_entry
    ADD COLUMN fx_quote_id UUID,
    ADD COLUMN fx_rate     VARCHAR(40);
