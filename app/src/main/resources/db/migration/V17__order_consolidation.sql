-- Orders of one household from one store within the consolidation window share one fulfilment:
-- one pickup (or one delivery), not one per press.
create table order_fulfilments (
    id           varchar(64) primary key,
    household_id varchar(64) not null references accounts (id),
    store_id     varchar(64) not null references stores (id),
    kind         varchar(16) not null check (kind in ('PICKUP', 'DELIVERY')),
    status       varchar(8)  not null check (status in ('OPEN', 'CLOSED')),
    opened_at    timestamptz not null,
    closed_at    timestamptz
);
create index order_fulfilments_open on order_fulfilments (household_id, store_id, kind, opened_at) where status = 'OPEN';

alter table orders add column fulfilment_id varchar(64) references order_fulfilments (id);
create index orders_fulfilment on orders (fulfilment_id);
