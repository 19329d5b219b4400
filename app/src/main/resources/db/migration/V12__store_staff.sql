alter table accounts drop constraint accounts_role_check;
alter table accounts add constraint accounts_role_check
    check (role in ('HOUSEHOLD', 'MERCHANT', 'STAFF', 'COURIER', 'MAKER', 'OPERATOR'));

-- Who works at a store and what they may do at its registers; the owner may do everything.
create table store_staff (
    store_id     varchar(64) not null references stores (id),
    account_id   varchar(64) not null references accounts (id),
    can_discount boolean     not null,
    can_refund   boolean     not null,
    added_at     timestamptz not null,
    primary key (store_id, account_id)
);
create index store_staff_account on store_staff (account_id);
