-- A household's consent mode, price guard, spending limits and pause; absent means the defaults.
create table device_household_settings (
    household_id          varchar(64) primary key references accounts (id),
    consent               varchar(16) not null check (consent in ('CANCEL_WINDOW', 'CONFIRM_EACH')),
    cancel_window_minutes int         not null check (cancel_window_minutes between 0 and 1440),
    price_guard_percent   int         not null check (price_guard_percent between 0 and 1000),
    order_limit           bigint check (order_limit > 0),
    monthly_limit         bigint check (monthly_limit > 0),
    currency              char(3),
    presses_per_minute    int         not null check (presses_per_minute between 1 and 60),
    paused                boolean     not null,
    updated_at            timestamptz not null
);

-- Per-device overrides: null inherits the household's.
alter table devices add column consent_override varchar(16) check (consent_override in ('CANCEL_WINDOW', 'CONFIRM_EACH'));
alter table devices add column daily_limit bigint check (daily_limit > 0);
alter table devices add column monthly_limit bigint check (monthly_limit > 0);
alter table devices add column limit_currency char(3);

-- The unit price the slot would have ordered at when it was bound: the price guard's reference.
alter table device_slots add column bound_unit_price bigint;

-- A quote shown on a device's display, confirmable from the device for a short while.
create table device_quotes (
    quote_id   varchar(64) primary key,
    device_id  varchar(64) not null references devices (id),
    press_id   varchar(64) not null,
    slot_id    varchar(64) not null,
    order_id   varchar(64) not null,
    expires_at timestamptz not null,
    used       boolean     not null default false
);
create index device_quotes_press on device_quotes (device_id, press_id);
create index device_presses_recent on device_presses (device_id, created_at);

-- What the household was shown and when and where it agreed: kept with the order.
alter table orders add column consent_evidence jsonb;
alter table orders add column confirm_by timestamptz;
create index orders_awaiting on orders (confirm_by) where status = 'AWAITING_CONFIRMATION';
create index orders_source_spent on orders (household_id, source, placed_at)
    where status in ('AWAITING_CONFIRMATION', 'PLACED', 'COMPLETED');
