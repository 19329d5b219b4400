-- When a store is open and how long it takes to get an order ready for pickup.
create table store_hours (
    store_id            varchar(64) primary key references stores (id),
    time_zone           varchar(64) not null,
    preparation_minutes int         not null check (preparation_minutes between 0 and 1440),
    -- one day per line: MONDAY=08:00-13:00,14:00-20:00
    week                text        not null,
    updated_at          timestamptz not null
);
