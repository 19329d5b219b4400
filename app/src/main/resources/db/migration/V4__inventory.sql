-- on_hand may go below zero (a till sale is never refused); reservations never exceed what is on hand
-- when they are taken, which the conditional update in the reserve statement guarantees.
create table inventory_levels (
    store_id   varchar(64) not null references stores (id),
    product_id varchar(64) not null references catalog_products (id),
    on_hand    bigint      not null,
    reserved   bigint      not null check (reserved >= 0),
    updated_at timestamptz not null,
    primary key (store_id, product_id)
);

-- The ledger: append-only. A level is the sum of its movements' deltas (InventoryLedgerTest):
-- inventory_levels holds the folded ones, reads add those not folded yet.
create table inventory_movements (
    id             bigserial primary key,
    store_id       varchar(64) not null,
    product_id     varchar(64) not null,
    kind           varchar(32) not null,
    on_hand_delta  bigint      not null,
    reserved_delta bigint      not null,
    reason         varchar(16),
    reference      varchar(200),
    at             timestamptz not null,
    -- false while the movement's change is not yet added into inventory_levels (see StockLedger.fold)
    folded         boolean     not null
);
create index inventory_movements_stock on inventory_movements (store_id, product_id, id);
create index inventory_movements_pending on inventory_movements (store_id, product_id) where not folded;
create index inventory_movements_to_fold on inventory_movements (id) where not folded;

create table inventory_reservations (
    id         varchar(64) primary key,
    store_id   varchar(64) not null,
    product_id varchar(64) not null,
    quantity   bigint      not null check (quantity > 0),
    status     varchar(16) not null check (status in ('ACTIVE', 'RELEASED', 'CONSUMED')),
    reference  varchar(200),
    created_at timestamptz not null,
    expires_at timestamptz not null,
    ended_at   timestamptz
);
create index inventory_reservations_expiring on inventory_reservations (expires_at) where status = 'ACTIVE';
