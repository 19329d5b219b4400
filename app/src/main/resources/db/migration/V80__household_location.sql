-- A household's home, from which a slot may take any store within a distance instead of listed ones.
alter table device_household_settings
    add column latitude  double precision check (latitude between -90 and 90),
    add column longitude double precision check (longitude between -180 and 180),
    add constraint device_household_settings_home check ((latitude is null) = (longitude is null));

alter table device_slots
    add column max_distance_km double precision check (max_distance_km > 0 and max_distance_km <= 100);
