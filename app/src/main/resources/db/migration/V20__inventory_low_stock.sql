-- Products whose available stock is at or below their reorder point and whose merchant was alerted:
-- a row is written when stock falls to the point (one LowStockReached event) and removed when it
-- recovers above it, so the merchant hears of each fall once.
create table inventory_low_stock (
    store_id      varchar(64) not null references stores (id),
    product_id    varchar(64) not null references catalog_products (id),
    alert_id      varchar(64) not null unique,
    available     bigint      not null,
    reorder_point bigint      not null,
    since         timestamptz not null,
    primary key (store_id, product_id)
);
