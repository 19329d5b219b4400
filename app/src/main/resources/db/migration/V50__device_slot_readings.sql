-- Status reports of a device's slots: how much was left of how much, when the device measured it.
-- They feed the slot's consumption model (docs/replenishment.md). A report of an instant already
-- stored is a retry and is kept once.
create table device_slot_readings (
    device_id   varchar(64)      not null,
    slot_id     varchar(64)      not null,
    measured_at timestamptz      not null,
    remaining   double precision not null check (remaining >= 0),
    capacity    double precision not null check (capacity > 0 and remaining <= capacity),
    received_at timestamptz      not null,
    primary key (device_id, slot_id, measured_at),
    foreign key (device_id, slot_id) references device_slots (device_id, slot_id)
);
-- Old readings are pruned by age (the model looks back 42 days).
create index device_slot_readings_measured on device_slot_readings (measured_at);
