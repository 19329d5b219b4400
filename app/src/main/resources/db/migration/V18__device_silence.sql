-- When the household was told that a device stopped sending heartbeats; a heartbeat clears it.
alter table devices add column silence_noticed_at timestamptz;
create index devices_claimed_seen on devices (coalesce(last_seen_at, claimed_at)) where status = 'CLAIMED' and silence_noticed_at is null;
