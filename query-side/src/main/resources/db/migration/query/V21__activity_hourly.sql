-- Hourly counts and volumes of transfers and payments by type, status and currency, for the operations statistics:
-- an overview of a busy day reads a few hundred rows here instead of aggregating every row of the views.
--
-- Kept by triggers on the two views, in the transaction that writes them, so it is exact at every commit and follows
-- a replay (a TRUNCATE of a view forgets its part; the rebuild adds it back). The triggers only ever INSERT deltas:
-- an UPDATE of one hot row per hour would make every projection batch wait for the others. ActivityRollup sums the
-- deltas of each hour into one row from time to time, and its readers sum whatever rows an hour has.
CREATE TABLE activity_hourly (
    id           BIGSERIAL    PRIMARY KEY,
    hour_start   TIMESTAMPTZ  NOT NULL,
    type         VARCHAR(16)  NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    currency     CHAR(3)      NOT NULL,
    count        BIGINT       NOT NULL,
    amount_minor BIGINT       NOT NULL
);
CREATE INDEX activity_hourly_hour ON activity_hourly (hour_start);

-- Hours start at whole UTC hours since the epoch, as the statistics' buckets do (date_bin, whatever the time zone).
CREATE FUNCTION activity_hour(at TIMESTAMPTZ) RETURNS TIMESTAMPTZ LANGUAGE sql IMMUTABLE AS
$$ SELECT date_bin(INTERVAL '1 hour', at, TIMESTAMPTZ '1970-01-01 00:00:00+00') $$;

-- One function per view and event: each reads the statement's transition tables, so a batch of a thousand rows adds
-- one delta per hour, type, status and currency it changed, and an update that changes none of them adds nothing.
CREATE FUNCTION transfer_activity_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO activity_hourly (hour_start, type, status, currency, count, amount_minor)
    SELECT activity_hour(requested_at), 'TRANSFER', status, currency, COUNT(*), SUM(amount_minor)
    FROM added GROUP BY 1, 3, 4;
    RETURN NULL;
END $$;

CREATE FUNCTION transfer_activity_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO activity_hourly (hour_start, type, status, currency, count, amount_minor)
    SELECT hour_start, 'TRANSFER', status, currency, SUM(n), SUM(amount)
    FROM (SELECT activity_hour(requested_at) AS hour_start, status, currency, -1 AS n, -amount_minor AS amount FROM old_rows
          UNION ALL
          SELECT activity_hour(requested_at), status, currency, 1, amount_minor FROM new_rows) AS change
    GROUP BY hour_start, status, currency
    HAVING SUM(n) <> 0 OR SUM(amount) <> 0;
    RETURN NULL;
END $$;

CREATE FUNCTION transfer_activity_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO activity_hourly (hour_start, type, status, currency, count, amount_minor)
    SELECT activity_hour(requested_at), 'TRANSFER', status, currency, -COUNT(*), -SUM(amount_minor)
    FROM removed GROUP BY 1, 3, 4;
    RETURN NULL;
END $$;

CREATE FUNCTION transfer_activity_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM activity_hourly WHERE type = 'TRANSFER';
    RETURN NULL;
END $$;

CREATE FUNCTION payment_activity_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO activity_hourly (hour_start, type, status, currency, count, amount_minor)
    SELECT activity_hour(requested_at), kind, status, currency, COUNT(*), SUM(amount_minor)
    FROM added GROUP BY 1, 2, 3, 4;
    RETURN NULL;
END $$;

CREATE FUNCTION payment_activity_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO activity_hourly (hour_start, type, status, currency, count, amount_minor)
    SELECT hour_start, kind, status, currency, SUM(n), SUM(amount)
    FROM (SELECT activity_hour(requested_at) AS hour_start, kind, status, currency, -1 AS n, -amount_minor AS amount
          FROM old_rows
          UNION ALL
          SELECT activity_hour(requested_at), kind, status, currency, 1, amount_minor FROM new_rows) AS change
    GROUP BY hour_start, kind, status, currency
    HAVING SUM(n) <> 0 OR SUM(amount) <> 0;
    RETURN NULL;
END $$;

CREATE FUNCTION payment_activity_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO activity_hourly (hour_start, type, status, currency, count, amount_minor)
    SELECT activity_hour(requested_at), kind, status, currency, -COUNT(*), -SUM(amount_minor)
    FROM removed GROUP BY 1, 2, 3, 4;
    RETURN NULL;
END $$;

CREATE FUNCTION payment_activity_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM activity_hourly WHERE type IN ('DEPOSIT', 'WITHDRAWAL');
    RETURN NULL;
END $$;

CREATE TRIGGER transfer_activity_inserted AFTER INSERT ON transfer_view REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION transfer_activity_inserted();
CREATE TRIGGER transfer_activity_updated AFTER UPDATE ON transfer_view REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION transfer_activity_updated();
CREATE TRIGGER transfer_activity_deleted AFTER DELETE ON transfer_view REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION transfer_activity_deleted();
CREATE TRIGGER transfer_activity_truncated AFTER TRUNCATE ON transfer_view
    FOR EACH STATEMENT EXECUTE FUNCTION transfer_activity_truncated();

CREATE TRIGGER payment_activity_inserted AFTER INSERT ON payment_view REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION payment_activity_inserted();
CREATE TRIGGER payment_activity_updated AFTER UPDATE ON payment_view REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION payment_activity_updated();
CREATE TRIGGER payment_activity_deleted AFTER DELETE ON payment_view REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION payment_activity_deleted();
CREATE TRIGGER payment_activity_truncated AFTER TRUNCATE ON payment_view
    FOR EACH STATEMENT EXECUTE FUNCTION payment_activity_truncated();

-- What the views hold already.
INSERT INTO activity_hourly (hour_start, type, status, currency, count, amount_minor)
SELECT activity_hour(requested_at), 'TRANSFER', status, currency, COUNT(*), SUM(amount_minor)
FROM transfer_view GROUP BY 1, 3, 4;
INSERT INTO activity_hourly (hour_start, type, status, currency, count, amount_minor)
SELECT activity_hour(requested_at), kind, status, currency, COUNT(*), SUM(amount_minor)
FROM payment_view GROUP BY 1, 2, 3, 4;
