-- Webhook subscriptions of makers and merchants. The signing secret is sealed (AES-GCM under the
-- master key), because Corner must know it to sign; it is shown to the owner once.
create table notification_webhooks (
    id            varchar(64)  primary key,
    owner_id      varchar(64)  not null references accounts (id),
    url           varchar(2000) not null,
    events        varchar(500) not null,
    sealed_secret bytea        not null,
    active        boolean      not null,
    created_at    timestamptz  not null
);
create index notification_webhooks_owner on notification_webhooks (owner_id) where active;

-- Every event sent or to be sent to a webhook: the delivery log, retried with back-off, replayable.
create table notification_webhook_deliveries (
    id               varchar(64) primary key,
    webhook_id       varchar(64) not null references notification_webhooks (id),
    event_id         varchar(64) not null,
    event_type       varchar(40) not null,
    payload          text        not null,
    status           varchar(10) not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         int         not null default 0,
    last_status_code int,
    last_error       varchar(500),
    created_at       timestamptz not null,
    next_attempt_at  timestamptz not null,
    delivered_at     timestamptz,
    unique (webhook_id, event_id)
);
create index notification_webhook_deliveries_due on notification_webhook_deliveries (next_attempt_at)
    where status = 'PENDING';
create index notification_webhook_deliveries_log on notification_webhook_deliveries (webhook_id, created_at desc);

-- Which device placed an order, so that its maker hears of the order's fate.
create index device_presses_order on device_presses ((answer ->> 'orderId')) where answer ->> 'orderId' is not null;
