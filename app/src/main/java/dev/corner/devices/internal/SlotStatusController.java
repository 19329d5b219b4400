package dev.corner.devices.internal;

import dev.corner.devices.DeviceId;
import dev.corner.devices.internal.DeviceProtocol.Status;
import dev.corner.devices.internal.DeviceProtocol.StatusAnswer;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Device protocol v1 over HTTP: a slot reports how much is left; the answer says when it will run out. */
@RestController
@RequestMapping("/device/v1")
class SlotStatusController {

    private final DeviceProtocol protocol;

    SlotStatusController(DeviceProtocol protocol) {
        this.protocol = protocol;
    }

    @PostMapping("/slots/{slotId}/status")
    StatusAnswer status(
            @RequestAttribute(DeviceSignatureFilter.DEVICE_ATTRIBUTE) DeviceId device,
            @PathVariable String slotId,
            @RequestBody Status status) {
        return protocol.status(device, slotId, status);
    }
}
