create table accounts (
    id            varchar(64) primary key,
    email         varchar(254) not null unique,
    password_hash varchar(200) not null,
    name          varchar(200) not null,
    role          varchar(16)  not null check (role in ('HOUSEHOLD', 'MERCHANT', 'COURIER', 'MAKER', 'OPERATOR')),
    created_at    timestamptz  not null
);

-- Only a SHA-256 of each token is kept; the token itself is shown once.
create table account_tokens (
    token_hash varchar(64) primary key,
    account_id varchar(64) not null references accounts (id),
    created_at timestamptz not null,
    expires_at timestamptz not null
);
create index account_tokens_account on account_tokens (account_id);
