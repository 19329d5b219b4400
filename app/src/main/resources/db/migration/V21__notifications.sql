-- Each account's inbox. `source` names what the notice is about (an alert id…), unique so that an
-- event delivered twice leaves one notice.
create table notifications (
    id         varchar(64)  primary key,
    account_id varchar(64)  not null references accounts (id),
    kind       varchar(32)  not null,
    title      varchar(200) not null,
    body       varchar(1000) not null,
    store_id   varchar(64),
    product_id varchar(64),
    source     varchar(100) not null unique,
    created_at timestamptz  not null,
    read_at    timestamptz
);
create index notifications_inbox on notifications (account_id, created_at desc, id desc);
