create table catalog_products (
    id         varchar(64) primary key,
    gtin       varchar(14)  not null unique,
    name       varchar(200) not null,
    brand      varchar(200) not null,
    unit       varchar(40)  not null,
    created_at timestamptz  not null
);

create table catalog_offers (
    store_id     varchar(64) not null references stores (id),
    product_id   varchar(64) not null references catalog_products (id),
    price_amount bigint      not null check (price_amount > 0),
    currency     char(3)     not null,
    updated_at   timestamptz not null,
    primary key (store_id, product_id)
);
