create table pos_sales (
    store_id      varchar(64) not null references stores (id),
    sale_id       varchar(64) not null,
    total_amount  bigint      not null,
    change_amount bigint      not null,
    currency      char(3)     not null,
    fingerprint   char(64)    not null,
    recorded_by   varchar(64) not null,
    recorded_at   timestamptz not null,
    primary key (store_id, sale_id)
);

create table pos_sale_lines (
    store_id   varchar(64) not null,
    sale_id    varchar(64) not null,
    line_no    int         not null,
    product_id varchar(64) not null,
    quantity   bigint      not null,
    unit_price bigint      not null,
    line_total bigint      not null,
    primary key (store_id, sale_id, line_no),
    foreign key (store_id, sale_id) references pos_sales (store_id, sale_id)
);

create table pos_sale_tenders (
    store_id  varchar(64) not null,
    sale_id   varchar(64) not null,
    tender_no int         not null,
    type      varchar(16) not null,
    amount    bigint      not null,
    primary key (store_id, sale_id, tender_no),
    foreign key (store_id, sale_id) references pos_sales (store_id, sale_id)
);
