-- CSV imports that run in the background, with their progress and outcome (see StockImports).
create table inventory_imports (
    id               varchar(64) primary key,
    store_id         varchar(64) not null references stores (id),
    account_id       varchar(64) not null,
    status           varchar(16) not null
        check (status in ('QUEUED', 'CHECKING', 'APPLYING', 'DONE', 'REFUSED', 'FAILED')),
    rows_total       int         not null,
    rows_checked     int         not null default 0,
    rows_applied     int         not null default 0,
    products_created int,
    prices_set       int,
    stock_set        int,
    -- the report of a refused file: [{"row":n,"problems":[…]}, …]
    bad_rows         text,
    problem_code     varchar(64),
    problem_detail   varchar(1000),
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    finished_at      timestamptz
);
create index inventory_imports_store on inventory_imports (store_id, created_at desc);
