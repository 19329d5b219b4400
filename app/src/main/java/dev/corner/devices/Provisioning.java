package dev.corner.devices;

import dev.corner.common.Caller;
import dev.corner.common.CornerException;
import dev.corner.common.Ids;
import dev.corner.common.Role;
import dev.corner.common.Text;
import dev.corner.devices.internal.DeviceRecords;
import dev.corner.devices.internal.DeviceRecords.Model;
import dev.corner.devices.internal.DeviceRecords.ModelSlot;
import dev.corner.devices.internal.DeviceSecrets;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Device makers register models with slots and provision devices in bulk. */
@Service
public class Provisioning {

    private static final Set<String> KINDS = Set.of("BUTTON", "APPLIANCE");

    private final DeviceRecords records;
    private final DeviceSecrets secrets;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Provisioning(DeviceRecords records, DeviceSecrets secrets, ApplicationEventPublisher events, Clock clock) {
        this.records = records;
        this.secrets = secrets;
        this.events = events;
        this.clock = clock;
    }

    public record SlotSpec(String slotId, String unit, Long capacity) {}

    /** A device as handed to its maker: the secret and claim code appear here and nowhere else. */
    public record Provisioned(DeviceId deviceId, String serial, String secret, String claimCode) {}

    @Transactional
    public String registerModel(Caller maker, String name, String kind, List<SlotSpec> slots) {
        maker.requireRole(Role.MAKER);
        var cleanName = Text.require(name, "name", 200);
        if (kind == null || !KINDS.contains(kind)) {
            throw CornerException.invalid("INVALID_KIND", "kind must be BUTTON or APPLIANCE");
        }
        if (slots == null || slots.isEmpty() || slots.size() > 32) {
            throw CornerException.invalid("INVALID_SLOTS", "a model has 1 to 32 slots");
        }
        var seen = new HashSet<String>();
        var modelSlots = slots.stream()
                .map(slot -> {
                    if (slot == null) {
                        throw CornerException.invalid("INVALID_SLOTS", "a slot is empty");
                    }
                    var id = Ids.requireValid(slot.slotId(), "slotId");
                    if (!seen.add(id)) {
                        throw CornerException.invalid("INVALID_SLOTS", "slot " + id + " appears twice");
                    }
                    if (slot.capacity() == null || slot.capacity() < 1) {
                        throw CornerException.invalid("INVALID_SLOTS", "each slot needs a capacity of at least 1");
                    }
                    return new ModelSlot(id, Text.require(slot.unit(), "unit", 40), slot.capacity());
                })
                .toList();
        var model = new Model(Ids.next("dm"), maker.accountId(), cleanName, kind, modelSlots);
        records.insertModel(model, clock.instant());
        return model.id();
    }

    @Transactional
    public List<Provisioned> provision(Caller maker, String modelId, List<String> serials) {
        maker.requireRole(Role.MAKER);
        var model = records.model(Ids.requireValid(modelId, "modelId"))
                .filter(m -> maker.is(m.maker()))
                .orElseThrow(() -> CornerException.notFound("MODEL_NOT_FOUND", "no device model " + modelId));
        if (serials == null || serials.isEmpty() || serials.size() > 1000) {
            throw CornerException.invalid("INVALID_SERIALS", "provision 1 to 1000 serials at a time");
        }
        if (new HashSet<>(serials).size() != serials.size()) {
            throw CornerException.invalid("INVALID_SERIALS", "serials must not repeat");
        }
        var now = clock.instant();
        return serials.stream()
                .map(serial -> {
                    Ids.requireValid(serial, "serial");
                    var id = new DeviceId(Ids.next("dev"));
                    var secret = secrets.newSecret();
                    var claimCode = secrets.newClaimCode();
                    if (!records.insertDevice(
                            id, model, serial, secrets.seal(secret), secrets.claimCodeHash(id, claimCode), now)) {
                        throw CornerException.conflict("SERIAL_TAKEN", "serial " + serial + " is provisioned already");
                    }
                    events.publishEvent(new DeviceEvents.DeviceRegistered(id, maker.accountId(), model.id(), serial));
                    return new Provisioned(id, serial, secret, claimCode);
                })
                .toList();
    }

    /** Takes one of the maker's devices off Corner for good: its next request is refused. */
    @Transactional
    public void deregister(Caller maker, String modelId, DeviceId deviceId) {
        maker.requireRole(Role.MAKER);
        var notFound = CornerException.notFound("DEVICE_NOT_FOUND", "no device " + deviceId + " of model " + modelId);
        var owner = records.makerOf(deviceId).filter(maker::is).orElseThrow(() -> notFound);
        var device = records.device(deviceId)
                .filter(d -> d.modelId().equals(modelId))
                .orElseThrow(() -> notFound);
        if (device.status() == DeviceRecords.Status.REVOKED) {
            return;
        }
        records.revoke(deviceId, clock.instant());
        events.publishEvent(new DeviceEvents.DeviceDeregistered(deviceId, owner, "MAKER"));
    }

    @Transactional(readOnly = true)
    public List<Model> modelsOf(Caller maker) {
        maker.requireRole(Role.MAKER);
        return records.modelsOf(maker.accountId());
    }
}
