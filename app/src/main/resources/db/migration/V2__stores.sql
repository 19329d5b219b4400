create table stores (
    id          varchar(64) primary key,
    merchant_id varchar(64)  not null references accounts (id),
    name        varchar(200) not null,
    address     varchar(500) not null,
    latitude    double precision not null check (latitude between -90 and 90),
    longitude   double precision not null check (longitude between -180 and 180),
    currency    char(3)      not null,
    created_at  timestamptz  not null
);
create index stores_merchant on stores (merchant_id);
