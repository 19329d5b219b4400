-- A household may choose that a repeated press inside an order's cancel window adds to that order.
alter table device_household_settings
    add column repeat_presses     varchar(32) not null default 'ORDER_IN_PROGRESS'
        check (repeat_presses in ('ORDER_IN_PROGRESS', 'ADD_TO_ORDER')),
    add column max_order_quantity int         not null default 5 check (max_order_quantity between 1 and 99);
