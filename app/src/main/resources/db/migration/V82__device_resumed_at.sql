-- When the household last resumed a paused device: the press-storm bound counts a device's presses
-- from then on, so the presses that paused it do not pause it again at its next press.
alter table devices add column resumed_at timestamptz;
