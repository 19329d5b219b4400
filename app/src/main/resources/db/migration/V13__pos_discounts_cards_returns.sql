-- Terminal charges keep the gateway's authorization, so that a return can refund to the card.
alter table payment_terminal_charges add column authorization_ref varchar(100) check (authorization_ref !~ '[0-9]{12}');
alter table payment_terminal_charges add column refunded bigint not null default 0 check (refunded >= 0);
-- A charge given back in full because the sale it was for did not go through is VOIDED.
alter table payment_terminal_charges drop constraint payment_terminal_charges_result_check;
alter table payment_terminal_charges add constraint payment_terminal_charges_result_check
    check (result in ('APPROVED', 'DECLINED', 'VOIDED'));
-- One approved charge per reference: a sale sent again never charges the card twice.
create unique index payment_terminal_charges_approved_reference
    on payment_terminal_charges (reference) where result = 'APPROVED' and reference is not null;

create table payment_terminal_refunds (
    charge_id   varchar(64) not null references payment_terminal_charges (id),
    refund_id   varchar(200) not null check (refund_id !~ '[0-9]{12}'),
    amount      bigint      not null check (amount > 0),
    refunded_at timestamptz not null,
    primary key (refund_id)
);

-- Sales: who rang them up, discounts, offline origin and what needs a look.
alter table pos_sales add column subtotal_amount bigint;
alter table pos_sales add column discount_amount bigint not null default 0;
alter table pos_sales add column basket_discount bigint not null default 0;
alter table pos_sales add column register_id varchar(64);
alter table pos_sales add column made_offline_at timestamptz;
alter table pos_sales add column flags varchar(200) not null default '';
update pos_sales set subtotal_amount = total_amount;
alter table pos_sales alter column subtotal_amount set not null;
create index pos_sales_recent on pos_sales (store_id, recorded_at desc);
create index pos_sales_flagged on pos_sales (store_id) where flags <> '';

alter table pos_sale_lines add column discount_percent int not null default 0
    check (discount_percent between 0 and 100);
alter table pos_sale_lines add column discount_amount bigint not null default 0;

alter table pos_sale_tenders add column terminal_id varchar(64);
alter table pos_sale_tenders add column status varchar(16) not null default 'CASH'
    check (status in ('CASH', 'APPROVED', 'DECLINED'));
alter table pos_sale_tenders add column auth_code varchar(16);
alter table pos_sale_tenders add column decline_code varchar(64);

-- Returns against a sale's lines; the refund goes back to the sale's tenders.
create table pos_returns (
    store_id      varchar(64) not null references stores (id),
    return_id     varchar(64) not null,
    sale_id       varchar(64) not null,
    fingerprint   char(64)    not null,
    refund_amount bigint      not null,
    currency      char(3)     not null,
    reason        varchar(200),
    shift_id      varchar(64) references pos_shifts (id),
    recorded_by   varchar(64) not null,
    recorded_at   timestamptz not null,
    primary key (store_id, return_id),
    foreign key (store_id, sale_id) references pos_sales (store_id, sale_id)
);
create index pos_returns_sale on pos_returns (store_id, sale_id);
create index pos_returns_shift on pos_returns (shift_id) where shift_id is not null;

create table pos_return_lines (
    store_id  varchar(64) not null,
    return_id varchar(64) not null,
    line_no   int         not null,
    quantity  bigint      not null check (quantity > 0),
    restock   boolean     not null,
    refund    bigint      not null,
    primary key (store_id, return_id, line_no),
    foreign key (store_id, return_id) references pos_returns (store_id, return_id)
);

create table pos_return_refunds (
    store_id  varchar(64) not null,
    return_id varchar(64) not null,
    refund_no int         not null,
    type      varchar(16) not null,
    amount    bigint      not null check (amount > 0),
    primary key (store_id, return_id, refund_no),
    foreign key (store_id, return_id) references pos_returns (store_id, return_id)
);
