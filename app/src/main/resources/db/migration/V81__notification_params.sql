-- What a notice is about, as values (a device id, an amount, a time), so that an app can write the
-- notice in its own language; `body` stays the English text for the API.
alter table notifications add column params jsonb not null default '{}'::jsonb;
