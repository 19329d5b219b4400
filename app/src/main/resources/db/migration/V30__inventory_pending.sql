-- Shelf movements waiting to be added into their level. Until now a movement carried a "folded" flag
-- that the fold set with an UPDATE: every movement was written twice, the ledger's indexes got a
-- second entry for it, and half of the table was dead rows waiting for vacuum. Now the ledger is only
-- ever appended to, and what is not folded yet sits in this small queue, which the fold empties.
create table inventory_pending (
    movement_id   bigint      primary key,
    store_id      varchar(64) not null,
    product_id    varchar(64) not null,
    on_hand_delta bigint      not null
);
create index inventory_pending_stock on inventory_pending (store_id, product_id);

insert into inventory_pending (movement_id, store_id, product_id, on_hand_delta)
select id, store_id, product_id, on_hand_delta from inventory_movements where not folded;

drop index inventory_movements_pending;
drop index inventory_movements_to_fold;
alter table inventory_movements drop column folded;

-- The queue turns over all the time and holds a few hundred live rows at most: vacuum it after every
-- few thousand deletions rather than after 20% of a table that is mostly dead.
alter table inventory_pending set (
    autovacuum_vacuum_scale_factor = 0,
    autovacuum_vacuum_threshold = 5000,
    autovacuum_vacuum_cost_delay = 0);

-- The ledger only grows. Vacuum it for its inserts (visibility map for index-only scans, freezing)
-- after 2% new rows instead of 20%, so that each pass stays short on a table of millions of rows.
alter table inventory_movements set (
    autovacuum_vacuum_insert_scale_factor = 0.02,
    autovacuum_vacuum_insert_threshold = 10000);
