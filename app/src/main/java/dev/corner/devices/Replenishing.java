package dev.corner.devices;

import dev.corner.common.CornerException;
import dev.corner.common.Ids;
import dev.corner.devices.internal.DeviceRecords;
import dev.corner.devices.internal.DeviceRecords.Slot;
import dev.corner.devices.internal.SlotReadings;
import dev.corner.devices.model.ConsumptionEstimate;
import dev.corner.devices.model.ConsumptionModel;
import dev.corner.devices.model.ReplenishmentPolicy;
import dev.corner.devices.model.ReplenishmentPolicy.Decision;
import dev.corner.devices.model.ReplenishmentPolicy.Outcome;
import dev.corner.devices.model.SlotReading;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slot status reports and what they foretell: a report is stored and the slot's consumption model
 * ({@link ConsumptionModel}) re-estimated from the slot's recent readings; {@link #assess} tells
 * whether the slot should be reordered now under the {@link ReplenishmentPolicy}. Placing that
 * order (through the slot's choice, consent and limits) is up to the caller.
 */
@Service
public class Replenishing {

    private final DeviceRecords devices;
    private final SlotReadings readings;
    private final ConsumptionModel model;
    private final ReplenishmentPolicy policy;
    private final Clock clock;
    private final Duration clockTolerance;

    Replenishing(
            DeviceRecords devices,
            SlotReadings readings,
            Clock clock,
            @Value("${corner.devices.signature-window}") Duration clockTolerance,
            @Value("${corner.devices.replenishment.safety-margin}") Duration safetyMargin) {
        this.devices = devices;
        this.readings = readings;
        this.model = ConsumptionModel.standard();
        this.policy = new ReplenishmentPolicy(safetyMargin);
        this.clock = clock;
        this.clockTolerance = clockTolerance;
    }

    /**
     * A status report as a device sent it. {@code unit} may be absent; {@code measuredAt} too, and
     * then it is the time the report was received.
     */
    public record StatusReport(Double remaining, Double capacity, String unit, Instant measuredAt) {}

    /**
     * Stores a slot's status report and returns the slot's estimate with it. The same {@code
     * measuredAt} again is a retry: the first report is kept and the estimate returned.
     */
    @Transactional
    public ConsumptionEstimate report(DeviceId device, String slotId, StatusReport report) {
        var slot = slot(device, slotId);
        if (report.unit() != null && !report.unit().equalsIgnoreCase(slot.unit())) {
            throw CornerException.invalid(
                    "UNIT_MISMATCH", "slot " + slotId + " is measured in " + slot.unit() + ", not " + report.unit());
        }
        if (report.remaining() == null) {
            throw CornerException.invalid("INVALID_REMAINING", "remaining is required");
        }
        if (report.capacity() == null) {
            throw CornerException.invalid("INVALID_CAPACITY", "capacity is required");
        }
        var now = clock.instant();
        var measuredAt = report.measuredAt() == null ? now : report.measuredAt();
        if (measuredAt.isAfter(now.plus(clockTolerance))) {
            throw CornerException.invalid(
                    "MEASURED_IN_FUTURE",
                    "measuredAt is more than " + clockTolerance.toSeconds() + " s ahead of server time");
        }
        readings.add(device, slotId, new SlotReading(measuredAt, report.remaining(), report.capacity()), now);
        return estimate(device, slotId).orElseThrow();
    }

    /** The slot's estimate from its stored readings; empty if it has never reported. */
    @Transactional(readOnly = true)
    public Optional<ConsumptionEstimate> estimate(DeviceId device, String slotId) {
        var history = readings.latestWindow(device, slotId, model.parameters().window());
        return history.isEmpty() ? Optional.empty() : Optional.of(model.estimate(history));
    }

    /**
     * Whether the slot should be reordered now, given the lead time of the offer that would be
     * ordered: {@link Outcome#ORDER_NOW} when the slot would run empty within that lead time plus
     * the safety margin. The caller is expected to check it after each report and, if due, to order
     * through the slot's choice, consent and limits like a press (an open order still dedupes).
     */
    @Transactional(readOnly = true)
    public Decision assess(DeviceId device, String slotId, Duration leadTime) {
        slot(device, slotId);
        return estimate(device, slotId)
                .map(estimate -> policy.decide(estimate, leadTime, clock.instant()))
                .orElse(new Decision(Outcome.NO_FORECAST, Optional.empty(), Optional.empty()));
    }

    public ReplenishmentPolicy policy() {
        return policy;
    }

    private Slot slot(DeviceId device, String slotId) {
        Ids.requireValid(slotId, "slotId");
        return devices.slots(device).stream()
                .filter(slot -> slot.slotId().equals(slotId))
                .findFirst()
                .orElseThrow(() -> CornerException.notFound("SLOT_NOT_FOUND", "this device has no slot " + slotId));
    }
}
