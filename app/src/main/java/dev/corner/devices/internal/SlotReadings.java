package dev.corner.devices.internal;

import dev.corner.common.SqlTime;
import dev.corner.devices.DeviceId;
import dev.corner.devices.model.SlotReading;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The status reports of device slots, as stored. */
@Repository
public class SlotReadings {

    private final JdbcClient jdbc;

    SlotReadings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False if this slot already has a reading measured at that instant (a retried report). */
    public boolean add(DeviceId device, String slotId, SlotReading reading, Instant receivedAt) {
        return jdbc.sql("""
                                insert into device_slot_readings
                                    (device_id, slot_id, measured_at, remaining, capacity, received_at)
                                values (:device, :slot, :measured, :remaining, :capacity, :received)
                                on conflict do nothing""")
                        .param("device", device.value())
                        .param("slot", slotId)
                        .param("measured", SqlTime.utc(reading.measuredAt()))
                        .param("remaining", reading.remaining())
                        .param("capacity", reading.capacity())
                        .param("received", SqlTime.utc(receivedAt))
                        .update()
                == 1;
    }

    /**
     * The slot's readings from the {@code window} before its latest one, oldest first, at most one
     * per quarter hour (the latest of each): a device that reports every few seconds costs the
     * estimate no more than one that reports every 15 minutes.
     */
    public List<SlotReading> latestWindow(DeviceId device, String slotId, Duration window) {
        return jdbc.sql("""
                        select measured_at, remaining, capacity from (
                            select distinct on (date_bin(interval '15 minutes', measured_at, timestamptz '2000-01-01'))
                                   measured_at, remaining, capacity
                            from device_slot_readings
                            where device_id = :device and slot_id = :slot
                              and measured_at >= (select max(measured_at) from device_slot_readings
                                                  where device_id = :device and slot_id = :slot)
                                                 - make_interval(secs => :seconds)
                            order by date_bin(interval '15 minutes', measured_at, timestamptz '2000-01-01'),
                                     measured_at desc
                        ) thinned
                        order by measured_at""")
                .param("device", device.value())
                .param("slot", slotId)
                .param("seconds", window.toSeconds())
                .query((rs, n) -> new SlotReading(
                        SqlTime.instant(rs, "measured_at"), rs.getDouble("remaining"), rs.getDouble("capacity")))
                .list();
    }

    public int forgetBefore(Instant cutoff) {
        return jdbc.sql("delete from device_slot_readings where measured_at < :cutoff")
                .param("cutoff", SqlTime.utc(cutoff))
                .update();
    }
}
