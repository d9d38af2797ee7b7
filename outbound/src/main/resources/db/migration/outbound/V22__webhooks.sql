-- Webhooks (docs/webhooks.md). The webhooks processor fans each public event out to the endpoints that subscribe to
-- it: one message row per event, one delivery row per endpoint, committed with the processor's token, so an event
-- the store holds is always delivered, even after a crash. The dispatcher then sends the deliveries that are due.

create table webhook_endpoint (
    id                         uuid primary key,
    -- The principal that registered it (client:<id>); only it sees or changes the endpoint.
    owner                      text        not null,
    url                        text        not null,
    description                text        not null default '',
    -- Public event types, or the single '*' for all of them.
    event_types                text[]      not null,
    -- whsec_<base64>: shown once, when created or rotated; kept to sign with.
    secret                     text        not null,
    -- After a rotation the old secret signs too, until it expires.
    previous_secret            text,
    previous_secret_expires_at timestamptz,
    enabled                    boolean     not null default true,
    disabled_reason            text,
    -- The store's head when the endpoint was created: it receives the events after it.
    from_position              bigint      not null,
    -- Since when every attempt to it has failed; null while it answers.
    failing_since              timestamptz,
    -- Which node sends its deliveries now, and until when, so that two nodes never send to it out of order.
    lease_owner                text,
    lease_until                timestamptz,
    created_at                 timestamptz not null,
    created_by                 text        not null,
    updated_at                 timestamptz not null
);
create index webhook_endpoint_by_owner on webhook_endpoint (owner, created_at, id);

create table webhook_message (
    -- The public event's id: the webhook-id header, the same at every redelivery.
    id         text primary key,
    type       text        not null,
    -- The event's position in the store; null for a test ping.
    position   bigint,
    created_at timestamptz not null,
    -- The JSON body exactly as it is signed and sent.
    body       bytea       not null
);

create table webhook_delivery (
    id              bigserial primary key,
    endpoint_id     uuid        not null references webhook_endpoint (id) on delete cascade,
    message_id      text        not null references webhook_message (id),
    -- The resource whose events must arrive in order (a wallet, transfer or payment id), and the event's place
    -- in that order.
    ordering_key    text        not null,
    seq             bigint      not null,
    -- PENDING until it is delivered (DELIVERED) or its last attempt failed (DEAD, the dead letters).
    state           text        not null,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    created_at      timestamptz not null,
    finished_at     timestamptz
);
-- The pending queue in the store's order: the dispatcher walks it until it has a round of deliveries that are due
-- and the first pending of their resource (WebhookDispatcher).
-- Every delivery is written twice (made, then finished): vacuumed often, so that the queue's walks do not step over
-- many finished ones.
alter table webhook_delivery set (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02);
create index webhook_delivery_queue on webhook_delivery (endpoint_id, seq, id) where state = 'PENDING';
create index webhook_delivery_by_endpoint on webhook_delivery (endpoint_id, id);
create index webhook_delivery_finished on webhook_delivery (finished_at) where state <> 'PENDING';
create index webhook_delivery_message on webhook_delivery (message_id);

create table webhook_attempt (
    id               bigserial primary key,
    endpoint_id      uuid        not null references webhook_endpoint (id) on delete cascade,
    delivery_id      bigint      not null,
    message_id       text        not null,
    event_type       text        not null,
    attempt          integer     not null,
    attempted_at     timestamptz not null,
    -- The HTTP status, or null when no answer came (refused connection, timeout).
    status_code      integer,
    latency_ms       integer     not null,
    -- The first bytes of the answer's body, as text.
    response_excerpt text,
    error            text,
    -- DELIVERED, RETRYING (another attempt is scheduled) or DEAD (that was the last one).
    outcome          text        not null
);
create index webhook_attempt_by_endpoint on webhook_attempt (endpoint_id, id);
create index webhook_attempt_time on webhook_attempt (attempted_at);
