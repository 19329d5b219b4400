package dev.corner.devices.internal;

import dev.corner.common.CornerException;
import dev.corner.common.Money;
import dev.corner.devices.DeviceId;
import dev.corner.devices.PressAnswer;
import dev.corner.devices.Pressing;
import java.time.Clock;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Device protocol v1; the signature filter has authenticated the device before any of this runs. */
@RestController
@RequestMapping("/device/v1")
class DeviceProtocolController {

    private final Pressing pressing;
    private final DeviceRecords records;
    private final Clock clock;

    DeviceProtocolController(Pressing pressing, DeviceRecords records, Clock clock) {
        this.pressing = pressing;
        this.records = records;
        this.clock = clock;
    }

    record Press(String pressId, Integer quantity) {}

    record Heartbeat(String firmware, Integer battery) {}

    record Ok(String result) {}

    record SlotNow(String slotId, boolean configured, String productId, String storeId, Money price) {}

    record Config(String deviceId, boolean paused, List<SlotNow> slots) {}

    @PostMapping("/slots/{slotId}/press")
    PressAnswer press(
            @RequestAttribute(DeviceSignatureFilter.DEVICE_ATTRIBUTE) DeviceId device,
            @PathVariable String slotId,
            @RequestBody Press press) {
        var answer = pressing.press(device, slotId, press.pressId(), press.quantity());
        if (answer.result() == PressAnswer.Result.THROTTLED) {
            // The pause is committed; the device hears 429 until its household resumes it.
            throw new CornerException(
                    CornerException.Kind.TOO_MANY_REQUESTS,
                    "TOO_MANY_PRESSES",
                    "this device pressed faster than its household allows and is paused");
        }
        return answer;
    }

    record Confirm(String pressId, String quoteId, String language) {}

    /** A device with a display confirms the quote it showed after a press that needs a yes. */
    @PostMapping("/slots/{slotId}/confirm")
    PressAnswer confirm(
            @RequestAttribute(DeviceSignatureFilter.DEVICE_ATTRIBUTE) DeviceId device,
            @PathVariable String slotId,
            @RequestBody Confirm confirm) {
        return pressing.confirm(device, slotId, confirm.pressId(), confirm.quoteId(), confirm.language());
    }

    @PostMapping("/heartbeat")
    Ok heartbeat(
            @RequestAttribute(DeviceSignatureFilter.DEVICE_ATTRIBUTE) DeviceId device,
            @RequestBody Heartbeat heartbeat) {
        var firmware = heartbeat.firmware() == null
                ? null
                : heartbeat
                        .firmware()
                        .substring(0, Math.min(64, heartbeat.firmware().length()));
        var battery = heartbeat.battery() == null ? null : Math.max(0, Math.min(100, heartbeat.battery()));
        records.heartbeat(device, firmware, battery, clock.instant());
        return new Ok("OK");
    }

    @GetMapping("/config")
    Config config(@RequestAttribute(DeviceSignatureFilter.DEVICE_ATTRIBUTE) DeviceId device) {
        var paused = records.device(device).orElseThrow().paused();
        return new Config(
                device.value(),
                paused,
                records.slots(device).stream()
                        .map(slot -> slot.policy() == null
                                ? new SlotNow(slot.slotId(), false, null, null, null)
                                : pressing.wouldOrder(slot.policy())
                                        .map(c -> new SlotNow(
                                                slot.slotId(),
                                                true,
                                                c.productId().value(),
                                                c.storeId().value(),
                                                c.price()))
                                        .orElse(new SlotNow(slot.slotId(), true, null, null, null)))
                        .toList());
    }
}
