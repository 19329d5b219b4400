package dev.corner.devices;

import dev.corner.common.AccountId;

/** What happens to devices, for the modules that react to it (webhooks to their makers). */
public final class DeviceEvents {

    private DeviceEvents() {}

    public record DeviceRegistered(DeviceId deviceId, AccountId makerId, String modelId, String serial) {}

    /** The device can no longer call Corner: its maker deregistered it or its household revoked it. */
    public record DeviceDeregistered(DeviceId deviceId, AccountId makerId, String by) {}

    /** A household bound one of the device's slots to a need, or changed it. */
    public record SlotChanged(DeviceId deviceId, AccountId makerId, String slotId) {}

    /** A device pressed faster than its household's bound and was paused. */
    public record DevicePausedForStorm(DeviceId deviceId, AccountId householdId) {}

    /** A press ordered nothing: {@code result} LIMIT_EXCEEDED or UNAVAILABLE, and why. */
    public record PressRefused(DeviceId deviceId, AccountId householdId, String slotId, String result, String reason) {}

    /** A claimed device sent no heartbeat for a long while ({@code lastSeenAt} null: never). */
    public record DeviceSilent(DeviceId deviceId, AccountId householdId, java.time.Instant lastSeenAt) {}

    /** The device and slot that placed an order, and the device's maker. */
    public record DeviceOrigin(DeviceId deviceId, String slotId, AccountId makerId) {}
}
