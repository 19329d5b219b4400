create table orders (
    id           varchar(64) primary key,
    household_id varchar(64) not null references accounts (id),
    store_id     varchar(64) not null references stores (id),
    status       varchar(32) not null
        check (status in ('AWAITING_CONFIRMATION', 'PLACED', 'CANCELLED', 'COMPLETED', 'EXPIRED')),
    fulfilment   varchar(16) not null check (fulfilment in ('PICKUP', 'DELIVERY')),
    total_amount bigint      not null,
    currency     char(3)     not null,
    placed_at    timestamptz not null,
    cancel_until timestamptz,
    source       varchar(200),
    updated_at   timestamptz not null
);
create index orders_household on orders (household_id, placed_at desc);
create index orders_open_by_store on orders (store_id, placed_at) where status in ('PLACED', 'AWAITING_CONFIRMATION');
create index orders_recent on orders (placed_at desc);

create table order_lines (
    order_id       varchar(64)  not null references orders (id),
    line_no        int          not null,
    product_id     varchar(64)  not null,
    product_name   varchar(200) not null,
    quantity       bigint       not null check (quantity > 0),
    unit_price     bigint       not null,
    reservation_id varchar(64)  not null,
    primary key (order_id, line_no)
);
