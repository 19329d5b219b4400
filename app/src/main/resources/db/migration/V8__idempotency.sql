-- Answers to POSTs sent with an Idempotency-Key, per calling account, kept 24 hours.
-- status is null while the first request is still running.
create table common_idempotency_keys (
    owner           varchar(64)  not null,
    idempotency_key varchar(200) not null,
    request_hash    char(64)     not null,
    status          int,
    content_type    varchar(200),
    body            bytea,
    created_at      timestamptz  not null,
    primary key (owner, idempotency_key)
);
create index common_idempotency_keys_created on common_idempotency_keys (created_at);
