-- Token buckets of the rate limits (docs/security.md), shared by every node: Bucket4j's PostgreSQL table. A row is
-- one principal's (or one source address's) bucket; it expires once the bucket would be full again.
CREATE TABLE rate_limit_bucket (
    id         varchar(300) NOT NULL PRIMARY KEY,
    state      bytea,
    expires_at bigint
);
CREATE INDEX rate_limit_bucket_expiry ON rate_limit_bucket (expires_at);
