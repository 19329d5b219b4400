package dev.corner.devices;

import dev.corner.common.Ids;

/** The id of a device. */
public record DeviceId(String value) {
    public DeviceId {
        Ids.requireValid(value, "deviceId");
    }

    @Override
    public String toString() {
        return value;
    }
}
