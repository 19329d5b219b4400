-- A merchant's reorder policy per store and product; products without one use ReorderPolicy.DEFAULT.
create table inventory_reorder_policies (
    store_id       varchar(64) not null references stores (id),
    product_id     varchar(64) not null references catalog_products (id),
    lead_time_days int         not null check (lead_time_days between 0 and 365),
    safety_stock   bigint      not null check (safety_stock >= 0),
    cover_days     int         not null check (cover_days between 1 and 365),
    primary key (store_id, product_id)
);

-- Sales per product over a window, for reorder suggestions.
create index inventory_movements_sales on inventory_movements (store_id, product_id, at)
    where kind in ('SOLD', 'RESERVATION_CONSUMED');
