-- A cash movement may carry a register-made id, so one sent again (after an offline spell) counts once,
-- and the time it was made when the register was offline.
alter table pos_cash_movements
    add column movement_id     varchar(64),
    add column made_offline_at timestamptz;
create unique index pos_cash_movements_client_id on pos_cash_movements (shift_id, movement_id)
    where movement_id is not null;
