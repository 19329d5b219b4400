package dev.corner.devices.internal;

import dev.corner.devices.DeviceId;
import dev.corner.devices.Replenishing;
import dev.corner.devices.Replenishing.StatusReport;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

    SlotStatusController(Replenishing replenishing) {
        this.replenishing = replenishing;
    }

    record Status(Double remaining, Double capacity, String unit, Instant measuredAt) {}

    /** {@code expectedDepletion} and {@code ratePerDay} are null until the history tells. */
    record StatusAnswer(String result, Instant expectedDepletion, Double ratePerDay) {}

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
        return new StatusAnswer(
                "OK",
                estimate.expectedDepletion()
                        .map(at -> at.truncatedTo(ChronoUnit.SECONDS))
                        .orElse(null),
                rate.isPresent() ? Math.round(rate.getAsDouble() * 1000) / 1000.0 : null);
    }
}
