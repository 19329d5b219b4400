-- Card payments. No column here may hold a card number or a security code: a card is kept as the
-- gateway's token, its brand, last four digits and expiry. Columns that a gateway fills are checked
-- for long digit runs, so a gateway that answered with a card number would fail loudly, not store it.

create table payment_methods (
    id            varchar(64)  primary key,
    owner_id      varchar(64)  not null references accounts (id),
    gateway_token varchar(200) not null check (gateway_token !~ '[0-9]{12}'),
    brand         varchar(16)  not null,
    last4         char(4)      not null check (last4 ~ '^[0-9]{4}$'),
    exp_month     smallint     not null check (exp_month between 1 and 12),
    exp_year      smallint     not null check (exp_year between 2000 and 2099),
    created_at    timestamptz  not null
);
create index payment_methods_owner on payment_methods (owner_id, created_at);

create table payment_intents (
    id                varchar(64)  primary key,
    owner_id          varchar(64)  not null references accounts (id),
    payment_method_id varchar(64)  not null references payment_methods (id),
    amount            bigint       not null check (amount > 0),
    currency          char(3)      not null,
    reference         varchar(200),
    status            varchar(32)  not null
        check (status in ('REQUIRES_AUTHORIZATION', 'AUTHORIZED', 'DECLINED', 'CAPTURED', 'PARTIALLY_REFUNDED',
                          'REFUNDED', 'VOIDED')),
    captured          bigint       not null check (captured >= 0 and captured <= amount),
    refunded          bigint       not null check (refunded >= 0 and refunded <= captured),
    authorization_ref varchar(200) check (authorization_ref !~ '[0-9]{12}'),
    decline_code      varchar(64),
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null
);
create index payment_intents_owner on payment_intents (owner_id, created_at desc);

-- The history of each intent, in order: created, authorized or declined, captured, voided, refunded,
-- and every time the gateway gave no answer.
create table payment_intent_events (
    intent_id varchar(64)  not null references payment_intents (id),
    seq       int          not null,
    kind      varchar(32)  not null,
    amount    bigint,
    detail    varchar(200),
    at        timestamptz  not null,
    primary key (intent_id, seq)
);

-- One row per client-made refund id: a repeated refund answers what the first one did.
create table payment_refunds (
    intent_id      varchar(64) not null references payment_intents (id),
    refund_id      varchar(64) not null,
    amount         bigint      not null check (amount > 0),
    status_after   varchar(32) not null,
    refunded_after bigint      not null,
    refunded_at    timestamptz not null,
    primary key (intent_id, refund_id)
);

create table payment_terminal_charges (
    id           varchar(64)  primary key,
    terminal_id  varchar(64)  not null,
    merchant_id  varchar(64)  references accounts (id),
    amount       bigint       not null check (amount > 0),
    currency     char(3)      not null,
    reference    varchar(200),
    brand        varchar(16)  not null,
    last4        char(4)      not null check (last4 ~ '^[0-9]{4}$'),
    result       varchar(16)  not null check (result in ('APPROVED', 'DECLINED')),
    auth_code    varchar(16),
    decline_code varchar(64),
    charged_at   timestamptz  not null
);
create index payment_terminal_charges_terminal on payment_terminal_charges (terminal_id, charged_at);
