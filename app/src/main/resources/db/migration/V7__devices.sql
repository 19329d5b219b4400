create table device_models (
    id         varchar(64) primary key,
    maker_id   varchar(64)  not null references accounts (id),
    name       varchar(200) not null,
    kind       varchar(16)  not null check (kind in ('BUTTON', 'APPLIANCE')),
    created_at timestamptz  not null
);

create table device_model_slots (
    model_id varchar(64) not null references device_models (id),
    slot_id  varchar(64) not null,
    unit     varchar(40) not null,
    capacity bigint      not null check (capacity > 0),
    primary key (model_id, slot_id)
);

-- The device secret is sealed with AES-GCM under a master key that is not in the database;
-- the claim code is kept only as an HMAC under a key derived from the master key.
create table devices (
    id              varchar(64) primary key,
    model_id        varchar(64)  not null references device_models (id),
    maker_id        varchar(64)  not null references accounts (id),
    serial          varchar(64)  not null,
    sealed_secret   bytea        not null,
    claim_code_hash varchar(64)  not null,
    household_id    varchar(64) references accounts (id),
    status          varchar(16)  not null check (status in ('PROVISIONED', 'CLAIMED', 'REVOKED')),
    paused          boolean      not null,
    firmware        varchar(64),
    battery         int,
    last_seen_at    timestamptz,
    created_at      timestamptz  not null,
    claimed_at      timestamptz,
    revoked_at      timestamptz
);
-- Serials are the maker's: unique per maker, so one maker cannot squat on another's serials.
create unique index devices_maker_serial on devices (maker_id, serial);
create index devices_serial on devices (serial);
create index devices_household on devices (household_id);

create table device_slots (
    device_id      varchar(64) not null references devices (id),
    slot_id        varchar(64) not null,
    product_ids    text,
    strategy       varchar(16),
    store_ids      text,
    max_unit_price bigint,
    currency       char(3),
    quantity       int,
    fulfilment     varchar(16),
    consent        varchar(16),
    bound_at       timestamptz,
    open_order_id  varchar(64),
    primary key (device_id, slot_id)
);

create table device_presses (
    device_id  varchar(64) not null references devices (id),
    press_id   varchar(64) not null,
    slot_id    varchar(64) not null,
    answer     jsonb       not null,
    created_at timestamptz not null,
    primary key (device_id, press_id)
);

create table device_nonces (
    device_id varchar(64) not null,
    nonce     varchar(64) not null,
    seen_at   timestamptz not null,
    primary key (device_id, nonce)
);
create index device_nonces_seen on device_nonces (seen_at);
