package dev.corner.devices;

import dev.corner.catalog.Catalog;
import dev.corner.common.Caller;
import dev.corner.common.CornerException;
import dev.corner.common.Ids;
import dev.corner.common.Role;
import dev.corner.devices.internal.DeviceRecords;
import dev.corner.devices.internal.DeviceRecords.Device;
import dev.corner.devices.internal.DeviceRecords.Slot;
import dev.corner.devices.internal.DeviceRecords.Status;
import dev.corner.devices.internal.DeviceSecrets;
import dev.corner.devices.model.SlotPolicy;
import dev.corner.stores.Stores;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A household claims its devices, binds their slots to needs, pauses and revokes them. */
@Service
public class HouseholdDevices {

    private final DeviceRecords records;
    private final DeviceSecrets secrets;
    private final Catalog catalog;
    private final Stores stores;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    HouseholdDevices(
            DeviceRecords records,
            DeviceSecrets secrets,
            Catalog catalog,
            Stores stores,
            ApplicationEventPublisher events,
            Clock clock) {
        this.events = events;
        this.records = records;
        this.secrets = secrets;
        this.catalog = catalog;
        this.stores = stores;
        this.clock = clock;
    }

    /** A device and its slots, as its household sees it. */
    public record Owned(Device device, List<Slot> slots) {}

    /**
     * Claims a provisioned device with the code printed on it. A wrong code and an unknown serial
     * answer alike, so serials cannot be probed; claiming one's own device again is harmless.
     */
    @Transactional
    public DeviceId claim(Caller household, String serial, String claimCode) {
        household.requireRole(Role.HOUSEHOLD);
        var notFound = CornerException.notFound("DEVICE_NOT_FOUND", "no device with this serial and claim code");
        if (serial == null || serial.length() > 64 || claimCode == null || claimCode.length() > 64) {
            throw notFound;
        }
        var device = records.devicesBySerial(serial).stream()
                .filter(d -> secrets.claimCodeMatches(d.id(), claimCode, d.claimCodeHash()))
                .findFirst()
                .orElseThrow(() -> notFound);
        if (device.status() == Status.CLAIMED && household.is(device.household())) {
            return device.id();
        }
        if (device.status() != Status.PROVISIONED
                || !records.claim(device.id(), household.accountId(), clock.instant())) {
            throw CornerException.conflict("DEVICE_NOT_CLAIMABLE", "this device is claimed or revoked");
        }
        return device.id();
    }

    @Transactional
    public void bind(Caller household, DeviceId deviceId, String slotId, SlotPolicy policy) {
        var device = requireOwn(household, deviceId);
        records.lockSlot(device.id(), Ids.requireValid(slotId, "slotId"))
                .orElseThrow(() -> CornerException.notFound("SLOT_NOT_FOUND", "this device has no slot " + slotId));
        policy.productIds().forEach(catalog::requireProduct);
        for (var storeId : policy.storeIds()) {
            var store = stores.require(storeId);
            if (!store.currency().equals(policy.maxUnitPrice().currency())) {
                throw CornerException.invalid(
                        "CURRENCY_MISMATCH",
                        "store " + storeId + " sells in " + store.currency() + ", the cap is in "
                                + policy.maxUnitPrice().currency());
            }
        }
        records.bind(device.id(), slotId, policy, clock.instant());
        records.makerOf(device.id())
                .ifPresent(maker -> events.publishEvent(new DeviceEvents.SlotChanged(device.id(), maker, slotId)));
    }

    @Transactional
    public void setPaused(Caller household, DeviceId deviceId, boolean paused) {
        records.setPaused(requireOwn(household, deviceId).id(), paused);
    }

    /** Revoked at once: the device's next request is refused. */
    @Transactional
    public void revoke(Caller household, DeviceId deviceId) {
        var device = requireOwn(household, deviceId);
        records.revoke(device.id(), clock.instant());
        records.makerOf(device.id())
                .ifPresent(maker ->
                        events.publishEvent(new DeviceEvents.DeviceDeregistered(device.id(), maker, "HOUSEHOLD")));
    }

    /** The device, slot and maker behind an order placed by a press, if a press placed it. */
    @Transactional(readOnly = true)
    public java.util.Optional<DeviceEvents.DeviceOrigin> originOf(dev.corner.orders.OrderId order) {
        return records.originOf(order);
    }

    @Transactional(readOnly = true)
    public List<Owned> mine(Caller household) {
        return records.devicesOf(household.accountId()).stream()
                .map(d -> new Owned(d, records.slots(d.id())))
                .toList();
    }

    @Transactional(readOnly = true)
    public Owned one(Caller household, DeviceId deviceId) {
        var device = requireOwn(household, deviceId);
        return new Owned(device, records.slots(device.id()));
    }

    private Device requireOwn(Caller household, DeviceId id) {
        return records.device(id)
                .filter(d -> d.status() == Status.CLAIMED && household.is(d.household()))
                .orElseThrow(() -> CornerException.notFound("DEVICE_NOT_FOUND", "no device " + id));
    }
}
