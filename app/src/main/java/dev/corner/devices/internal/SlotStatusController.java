package dev.corner.devices.internal;

import dev.corner.devices.DeviceId;
import dev.corner.devices.PressAnswer;
import dev.corner.devices.Pressing;
import dev.corner.devices.Replenishing;
import dev.corner.devices.Replenishing.StatusReport;
import dev.corner.devices.model.ReplenishmentPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Device protocol v1: a slot reports how much is left; the answer says when it will run out. */
@RestController
@RequestMapping("/device/v1")
class SlotStatusController {

    private final Replenishing replenishing;
    private final Pressing pressing;
    private final Duration leadTime;
    private final java.time.Clock clock;

    SlotStatusController(
            Replenishing replenishing,
            Pressing pressing,
            java.time.Clock clock,
            @Value("${corner.devices.replenishment.lead-time}") Duration leadTime) {
        this.clock = clock;
        this.replenishing = replenishing;
        this.pressing = pressing;
        this.leadTime = leadTime;
    }

    record Status(Double remaining, Double capacity, String unit, Instant measuredAt) {}

    /** {@code expectedDepletion} and {@code ratePerDay} are null until the history tells. */
    record StatusAnswer(String result, Instant expectedDepletion, Double ratePerDay, PressAnswer order) {}

    @PostMapping("/slots/{slotId}/status")
    StatusAnswer status(
            @RequestAttribute(DeviceSignatureFilter.DEVICE_ATTRIBUTE) DeviceId device,
            @PathVariable String slotId,
            @RequestBody Status status) {
        var estimate = replenishing.report(
                device,
                slotId,
                new StatusReport(status.remaining(), status.capacity(), status.unit(), status.measuredAt()));
        var rate = estimate.ratePerDay();
        var order = reorderIfDue(device, slotId, status.measuredAt());
        return new StatusAnswer(
                order == null ? "OK" : order.result().name(),
                estimate.expectedDepletion()
                        .map(at -> at.truncatedTo(ChronoUnit.SECONDS))
                        .orElse(null),
                rate.isPresent() ? Math.round(rate.getAsDouble() * 1000) / 1000.0 : null,
                order);
    }

    /**
     * When the slot would run empty within the lead time plus the safety margin, it orders like a
     * press: the same choice, consent and limits, and an open order dedupes. Reports within one
     * quarter hour share one press id, so a chatty device orders, and counts as pressing, once.
     */
    private PressAnswer reorderIfDue(DeviceId device, String slotId, Instant measuredAt) {
        if (replenishing.assess(device, slotId, leadTime).outcome() != ReplenishmentPolicy.Outcome.ORDER_NOW) {
            return null;
        }
        var at = measuredAt == null ? clock.instant() : measuredAt;
        var answer = pressing.press(device, slotId, "auto-" + at.getEpochSecond() / 900, 1);
        return switch (answer.result()) {
            case NOT_CONFIGURED, THROTTLED -> null;
            default -> answer;
        };
    }
}
