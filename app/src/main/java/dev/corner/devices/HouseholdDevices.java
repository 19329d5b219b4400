package dev.corner.devices;

import dev.corner.catalog.Catalog;
import dev.corner.common.Caller;
import dev.corner.common.CornerException;
import dev.corner.common.Ids;
import dev.corner.common.Money;
import dev.corner.common.Role;
import dev.corner.devices.internal.DeviceRecords;
import dev.corner.devices.internal.DeviceRecords.Device;
import dev.corner.devices.internal.DeviceRecords.Slot;
import dev.corner.devices.internal.DeviceRecords.Status;
import dev.corner.devices.internal.DeviceSecrets;
import dev.corner.devices.internal.SettingsRecords;
import dev.corner.devices.model.Candidate;
import dev.corner.devices.model.Consent;
import dev.corner.devices.model.SlotPolicy;
import dev.corner.orders.Ordering;
import dev.corner.stores.Stores;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A household claims its devices, binds their slots to needs, pauses and revokes them. */
@Service
public class HouseholdDevices {

    private final SettingsRecords settings;
    private final DeviceRecords records;
    private final DeviceSecrets secrets;
    private final Catalog catalog;
    private final Stores stores;
    private final ApplicationEventPublisher events;
    private final Pressing pressing;
    private final Ordering ordering;
    private final Clock clock;

    HouseholdDevices(
            DeviceRecords records,
            DeviceSecrets secrets,
            Catalog catalog,
            Stores stores,
            ApplicationEventPublisher events,
            Pressing pressing,
            Ordering ordering,
            SettingsRecords settings,
            Clock clock) {
        this.settings = settings;
        this.events = events;
        this.pressing = pressing;
        this.ordering = ordering;
        this.records = records;
        this.secrets = secrets;
        this.catalog = catalog;
        this.stores = stores;
        this.clock = clock;
    }

    /** A device and its slots, as its household sees it. */
    public record Owned(Device device, List<Slot> slots) {}

    /**
     * A device as other modules may show it to its household: its state, its slots, and its own
     * consent mode and limits (each null when it follows the household).
     */
    public record DeviceView(
            DeviceId deviceId,
            String serial,
            String modelId,
            boolean revoked,
            boolean paused,
            String firmware,
            Integer battery,
            java.time.Instant lastSeenAt,
            List<SlotView> slots,
            Consent consent,
            Money dailyLimit,
            Money monthlyLimit) {}

    /** A slot of a device: what it holds and, once bound, its policy and its open order if any. */
    public record SlotView(
            String slotId, String unit, long capacity, SlotPolicy policy, dev.corner.orders.OrderId openOrder) {
        public boolean bound() {
            return policy != null;
        }
    }

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
        if (policy.byDistance()
                && settings.find(household.accountId())
                        .map(HouseholdSettings.Settings::home)
                        .isEmpty()) {
            throw CornerException.conflict(
                    "HOME_REQUIRED", "give the household's home in its settings before binding a slot by distance");
        }
        for (var storeId : policy.storeIds()) {
            var store = stores.require(storeId);
            if (!store.currency().equals(policy.maxUnitPrice().currency())) {
                throw CornerException.invalid(
                        "CURRENCY_MISMATCH",
                        "store " + storeId + " sells in " + store.currency() + ", the cap is in "
                                + policy.maxUnitPrice().currency());
            }
        }
        // The price the slot would order at now is what the price guard later compares against.
        var bound = pressing.wouldOrder(policy, household.accountId())
                .map(Candidate::price)
                .orElse(null);
        records.bind(device.id(), slotId, policy, bound, clock.instant());
        records.makerOf(device.id())
                .ifPresent(maker -> events.publishEvent(new DeviceEvents.SlotChanged(device.id(), maker, slotId)));
    }

    @Transactional
    public void setPaused(Caller household, DeviceId deviceId, boolean paused) {
        records.setPaused(requireOwn(household, deviceId).id(), paused, clock.instant());
    }

    /**
     * The device's own consent mode and daily and monthly limits; null members keep what is set,
     * a limit of 0 removes it. A change that would leave the daily limit above the monthly one is
     * refused.
     */
    @Transactional
    public void override(Caller household, DeviceId deviceId, Consent consent, Money dailyLimit, Money monthlyLimit) {
        var device = requireOwn(household, deviceId);
        var now = records.overrides(device.id());
        var daily = HouseholdSettings.limit(dailyLimit, now.dailyLimit(), "dailyLimit");
        var monthly = HouseholdSettings.limit(monthlyLimit, now.monthlyLimit(), "monthlyLimit");
        if (daily != null && monthly != null && !daily.currency().equals(monthly.currency())) {
            throw CornerException.invalid("CURRENCY_MISMATCH", "a device's limits share one currency");
        }
        // Only a change of a limit is checked: a change of consent alone keeps the limits as they are.
        if (dailyLimit != null || monthlyLimit != null) {
            HouseholdSettings.requireNotAbove(daily, "dailyLimit", monthly, "monthlyLimit");
        }
        records.setOverrides(
                device.id(), new DeviceRecords.Overrides(consent == null ? now.consent() : consent, daily, monthly));
    }

    /** The device follows its household's consent mode again; its limits stay. */
    @Transactional
    public void followHouseholdConsent(Caller household, DeviceId deviceId) {
        var device = requireOwn(household, deviceId);
        var now = records.overrides(device.id());
        records.setOverrides(device.id(), new DeviceRecords.Overrides(null, now.dailyLimit(), now.monthlyLimit()));
    }

    /** The device's own consent mode and limits, each null when it follows the household. */
    @Transactional(readOnly = true)
    public DeviceRecords.Overrides overrides(Caller household, DeviceId deviceId) {
        return records.overrides(requireOwn(household, deviceId).id());
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
        return ordering.find(order).flatMap(view -> originOf(view.source()));
    }

    /**
     * The device and slot an order's {@code source} (see {@link dev.corner.orders.OrderView#source()})
     * names, with the device's maker; empty for an order no device placed. For a caller that has the
     * source at hand, so the order need not be read again.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<DeviceEvents.DeviceOrigin> originOf(String source) {
        return source == null
                ? java.util.Optional.empty()
                : java.util.Optional.ofNullable(
                        originsOf(java.util.List.of(source)).get(source));
    }

    /** {@link #originOf(String)} for several sources, their makers read at once; sources no device names are absent. */
    @Transactional(readOnly = true)
    public java.util.Map<String, DeviceEvents.DeviceOrigin> originsOf(java.util.Collection<String> sources) {
        var named = new java.util.HashMap<String, DeviceId>();
        for (var source : sources) {
            if (source != null && source.startsWith(Pressing.SOURCE_PREFIX) && source.contains("/")) {
                named.put(source, new DeviceId(source.substring(Pressing.SOURCE_PREFIX.length(), source.indexOf('/'))));
            }
        }
        var makers = records.makersOf(named.values());
        var origins = new java.util.HashMap<String, DeviceEvents.DeviceOrigin>();
        named.forEach((source, deviceId) -> {
            var maker = makers.get(deviceId);
            if (maker != null) {
                origins.put(
                        source,
                        new DeviceEvents.DeviceOrigin(deviceId, source.substring(source.indexOf('/') + 1), maker));
            }
        });
        return origins;
    }

    /** The household's devices, revoked ones too, as {@link DeviceView}s. */
    @Transactional(readOnly = true)
    public List<DeviceView> overview(Caller household) {
        household.requireRole(Role.HOUSEHOLD);
        return records.devicesEverOf(household.accountId()).stream()
                .map(this::view)
                .toList();
    }

    /** One of the household's claimed devices; another's, or a revoked one, answers 404. */
    @Transactional(readOnly = true)
    public DeviceView view(Caller household, DeviceId deviceId) {
        return view(requireOwn(household, deviceId));
    }

    private DeviceView view(Device d) {
        var overrides = records.overrides(d.id());
        return new DeviceView(
                d.id(),
                d.serial(),
                d.modelId(),
                d.status() == Status.REVOKED,
                d.paused(),
                d.firmware(),
                d.battery(),
                d.lastSeenAt(),
                slotsOf(d).stream()
                        .map(s -> new SlotView(s.slotId(), s.unit(), s.capacity(), s.policy(), s.openOrder()))
                        .toList(),
                overrides.consent(),
                overrides.dailyLimit(),
                overrides.monthlyLimit());
    }

    @Transactional(readOnly = true)
    public List<Owned> mine(Caller household) {
        return records.devicesOf(household.accountId()).stream()
                .map(d -> new Owned(d, slotsOf(d)))
                .toList();
    }

    @Transactional(readOnly = true)
    public Owned one(Caller household, DeviceId deviceId) {
        var device = requireOwn(household, deviceId);
        return new Owned(device, slotsOf(device));
    }

    /**
     * The device's slots, each with its open order only while that order is open: a slot keeps
     * naming its last order after it was cancelled, expired or completed, and presses look it up.
     */
    private List<Slot> slotsOf(Device device) {
        return records.slots(device.id()).stream()
                .map(slot -> slot.openOrder() == null
                                || ordering.find(slot.openOrder())
                                        .filter(order -> order.status().isOpen())
                                        .isPresent()
                        ? slot
                        : new Slot(
                                slot.deviceId(),
                                slot.slotId(),
                                slot.unit(),
                                slot.capacity(),
                                slot.policy(),
                                null,
                                slot.boundUnitPrice()))
                .toList();
    }

    private Device requireOwn(Caller household, DeviceId id) {
        return records.device(id)
                .filter(d -> d.status() == Status.CLAIMED && household.is(d.household()))
                .orElseThrow(() -> CornerException.notFound("DEVICE_NOT_FOUND", "no device " + id));
    }
}
