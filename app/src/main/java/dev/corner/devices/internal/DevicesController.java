package dev.corner.devices.internal;

import dev.corner.catalog.ProductId;
import dev.corner.common.Caller;
import dev.corner.common.CornerException;
import dev.corner.common.Money;
import dev.corner.devices.DeviceId;
import dev.corner.devices.HouseholdDevices;
import dev.corner.devices.HouseholdSettings;
import dev.corner.devices.HouseholdSpending;
import dev.corner.devices.Provisioning;
import dev.corner.devices.model.Consent;
import dev.corner.devices.model.SlotPolicy;
import dev.corner.devices.model.Strategy;
import dev.corner.orders.Fulfilment;
import dev.corner.stores.StoreId;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Device makers' and households' side of devices. */
@RestController
@RequestMapping("/api/v1")
class DevicesController {

    private final Provisioning provisioning;
    private final HouseholdDevices devices;
    private final HouseholdSettings settings;
    private final HouseholdSpending spending;

    DevicesController(
            Provisioning provisioning,
            HouseholdDevices devices,
            HouseholdSettings settings,
            HouseholdSpending spending) {
        this.settings = settings;
        this.spending = spending;
        this.provisioning = provisioning;
        this.devices = devices;
    }

    record NewModel(String name, String kind, List<Provisioning.SlotSpec> slots) {}

    record ModelCreated(String modelId) {}

    record ModelJson(String modelId, String name, String kind, List<Provisioning.SlotSpec> slots) {}

    record ModelList(List<ModelJson> models) {}

    record Serials(List<String> serials) {}

    record ProvisionedJson(String deviceId, String serial, String secret, String claimCode) {}

    record ProvisionedList(List<ProvisionedJson> devices) {}

    record Claim(String serial, String claimCode) {}

    record Claimed(String deviceId) {}

    record BindSlot(
            List<String> productIds,
            Strategy strategy,
            List<String> storeIds,
            Double maxDistanceKm,
            Money maxUnitPrice,
            Integer quantity,
            Fulfilment fulfillment,
            Consent consent) {}

    record DeviceSettings(Boolean paused, Consent consent, Money dailyLimit, Money monthlyLimit) {}

    record SlotJson(
            String slotId,
            String unit,
            long capacity,
            boolean configured,
            List<String> productIds,
            Strategy strategy,
            List<String> storeIds,
            Double maxDistanceKm,
            Money maxUnitPrice,
            Integer quantity,
            Fulfilment fulfillment,
            Consent consent,
            String openOrderId) {}

    record DeviceJson(
            String deviceId,
            String serial,
            String modelId,
            boolean paused,
            String firmware,
            Integer battery,
            Instant lastSeenAt,
            List<SlotJson> slots,
            Consent consent,
            Money dailyLimit,
            Money monthlyLimit) {

        static DeviceJson of(HouseholdDevices.Owned owned) {
            return of(owned, DeviceRecords.Overrides.NONE);
        }

        static DeviceJson of(HouseholdDevices.Owned owned, DeviceRecords.Overrides overrides) {
            var d = owned.device();
            return new DeviceJson(
                    d.id().value(),
                    d.serial(),
                    d.modelId(),
                    d.paused(),
                    d.firmware(),
                    d.battery(),
                    d.lastSeenAt(),
                    owned.slots().stream().map(DeviceJson::slot).toList(),
                    overrides.consent(),
                    overrides.dailyLimit(),
                    overrides.monthlyLimit());
        }

        private static SlotJson slot(DeviceRecords.Slot s) {
            var p = s.policy();
            return new SlotJson(
                    s.slotId(),
                    s.unit(),
                    s.capacity(),
                    p != null,
                    p == null
                            ? null
                            : p.productIds().stream().map(ProductId::value).toList(),
                    p == null ? null : p.strategy(),
                    p == null ? null : p.storeIds().stream().map(StoreId::value).toList(),
                    p == null ? null : p.maxDistanceKm(),
                    p == null ? null : p.maxUnitPrice(),
                    p == null ? null : p.quantity(),
                    p == null ? null : p.fulfilment(),
                    p == null ? null : p.consent(),
                    s.openOrder() == null ? null : s.openOrder().value());
        }
    }

    record DeviceList(List<DeviceJson> devices) {}

    @PostMapping("/device-models")
    @ResponseStatus(HttpStatus.CREATED)
    ModelCreated registerModel(Caller caller, @RequestBody NewModel request) {
        return new ModelCreated(provisioning.registerModel(caller, request.name(), request.kind(), request.slots()));
    }

    @GetMapping("/device-models")
    ModelList models(Caller caller) {
        return new ModelList(provisioning.modelsOf(caller).stream()
                .map(m -> new ModelJson(
                        m.id(),
                        m.name(),
                        m.kind(),
                        m.slots().stream()
                                .map(s -> new Provisioning.SlotSpec(s.slotId(), s.unit(), s.capacity()))
                                .toList()))
                .toList());
    }

    @PostMapping("/device-models/{modelId}/devices")
    @ResponseStatus(HttpStatus.CREATED)
    ProvisionedList provision(Caller caller, @PathVariable String modelId, @RequestBody Serials request) {
        return new ProvisionedList(provisioning.provision(caller, modelId, request.serials()).stream()
                .map(p -> new ProvisionedJson(p.deviceId().value(), p.serial(), p.secret(), p.claimCode()))
                .toList());
    }

    /** The maker takes a device off Corner; answers 204 also when it was off already. */
    @DeleteMapping("/device-models/{modelId}/devices/{deviceId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deregister(Caller caller, @PathVariable String modelId, @PathVariable String deviceId) {
        provisioning.deregister(caller, modelId, new DeviceId(deviceId));
    }

    @PostMapping("/devices/claims")
    @ResponseStatus(HttpStatus.CREATED)
    Claimed claim(Caller caller, @RequestBody Claim request) {
        return new Claimed(
                devices.claim(caller, request.serial(), request.claimCode()).value());
    }

    @GetMapping("/devices")
    DeviceList mine(Caller caller) {
        return new DeviceList(devices.mine(caller).stream().map(DeviceJson::of).toList());
    }

    @GetMapping("/devices/{deviceId}")
    DeviceJson one(Caller caller, @PathVariable String deviceId) {
        var id = new DeviceId(deviceId);
        return DeviceJson.of(devices.one(caller, id), devices.overrides(caller, id));
    }

    @PutMapping("/devices/{deviceId}/slots/{slotId}")
    DeviceJson bind(
            Caller caller, @PathVariable String deviceId, @PathVariable String slotId, @RequestBody BindSlot request) {
        var policy = new SlotPolicy(
                ids(request.productIds(), "productIds").stream()
                        .map(ProductId::new)
                        .toList(),
                request.strategy(),
                request.storeIds() == null
                        ? List.of()
                        : request.storeIds().stream().map(StoreId::new).toList(),
                request.maxDistanceKm(),
                request.maxUnitPrice(),
                request.quantity() == null ? 1 : request.quantity(),
                request.fulfillment() == null ? Fulfilment.PICKUP : request.fulfillment(),
                request.consent() == null ? Consent.CANCEL_WINDOW : request.consent());
        var id = new DeviceId(deviceId);
        devices.bind(caller, id, slotId, policy);
        return DeviceJson.of(devices.one(caller, id));
    }

    @PutMapping("/devices/{deviceId}")
    DeviceJson settings(Caller caller, @PathVariable String deviceId, @RequestBody DeviceSettings request) {
        var id = new DeviceId(deviceId);
        if (request.consent() != null || request.dailyLimit() != null || request.monthlyLimit() != null) {
            devices.override(caller, id, request.consent(), request.dailyLimit(), request.monthlyLimit());
        }
        if (request.paused() != null) {
            devices.setPaused(caller, id, request.paused());
        }
        return DeviceJson.of(devices.one(caller, id), devices.overrides(caller, id));
    }

    // The settings records are plain values of the devices API, so they are the JSON as they are.
    @GetMapping("/household/settings")
    HouseholdSettings.Settings householdSettings(Caller caller) {
        return settings.of(caller);
    }

    @PutMapping("/household/settings")
    HouseholdSettings.Settings changeHouseholdSettings(Caller caller, @RequestBody HouseholdSettings.Changes request) {
        return settings.change(caller, request);
    }

    record DeviceSpendingJson(
            String deviceId,
            String serial,
            boolean revoked,
            Money today,
            Money thisMonth,
            Money dailyLimit,
            Money monthlyLimit) {}

    record SpendingJson(
            Instant monthStart,
            Instant dayStart,
            Money total,
            Money monthlyLimit,
            Money orderLimit,
            List<DeviceSpendingJson> devices) {}

    /** This calendar month's and today's spending by the household's devices, against its limits. */
    @GetMapping("/household/spending")
    SpendingJson spending(Caller caller) {
        var spending = this.spending.of(caller);
        return new SpendingJson(
                spending.monthStart(),
                spending.dayStart(),
                spending.total(),
                spending.monthlyLimit(),
                spending.orderLimit(),
                spending.devices().stream()
                        .map(d -> new DeviceSpendingJson(
                                d.deviceId().value(),
                                d.serial(),
                                d.revoked(),
                                d.today(),
                                d.thisMonth(),
                                d.dailyLimit(),
                                d.monthlyLimit()))
                        .toList());
    }

    @DeleteMapping("/devices/{deviceId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(Caller caller, @PathVariable String deviceId) {
        devices.revoke(caller, new DeviceId(deviceId));
    }

    private static List<String> ids(List<String> ids, String field) {
        if (ids == null) {
            throw CornerException.invalid("INVALID_POLICY", field + " is required");
        }
        return ids;
    }
}
