create table pos_registers (
    id         varchar(64) primary key,
    store_id   varchar(64)  not null references stores (id),
    name       varchar(100) not null,
    created_at timestamptz  not null
);
create index pos_registers_store on pos_registers (store_id);

create table pos_shifts (
    id            varchar(64) primary key,
    register_id   varchar(64) not null references pos_registers (id),
    store_id      varchar(64) not null references stores (id),
    status        varchar(8)  not null check (status in ('OPEN', 'CLOSED')),
    opened_by     varchar(64) not null,
    opened_at     timestamptz not null,
    opening_float bigint      not null check (opening_float >= 0),
    currency      char(3)     not null,
    closed_at     timestamptz,
    counted_cash  bigint
);
-- One open shift per register.
create unique index pos_shifts_one_open on pos_shifts (register_id) where status = 'OPEN';

create table pos_cash_movements (
    id       bigserial primary key,
    shift_id varchar(64) not null references pos_shifts (id),
    type     varchar(16) not null check (type in ('PAID_IN', 'PAID_OUT', 'NO_SALE')),
    amount   bigint      not null check (amount >= 0),
    note     varchar(200),
    at       timestamptz not null
);
create index pos_cash_movements_shift on pos_cash_movements (shift_id);

alter table pos_sales add column shift_id varchar(64) references pos_shifts (id);
create index pos_sales_shift on pos_sales (shift_id) where shift_id is not null;
