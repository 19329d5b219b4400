package dev.corner.devices.internal;

import dev.corner.devices.DeviceId;
import dev.corner.devices.PressAnswer;
import dev.corner.devices.internal.DeviceProtocol.Config;
import dev.corner.devices.internal.DeviceProtocol.Confirm;
import dev.corner.devices.internal.DeviceProtocol.Heartbeat;
import dev.corner.devices.internal.DeviceProtocol.Ok;
import dev.corner.devices.internal.DeviceProtocol.Press;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Device protocol v1 over HTTP; the signature filter has authenticated the device before any of this runs. */
@RestController
@RequestMapping("/device/v1")
class DeviceProtocolController {

    private final DeviceProtocol protocol;

    DeviceProtocolController(DeviceProtocol protocol) {
        this.protocol = protocol;
    }

    @PostMapping("/slots/{slotId}/press")
    PressAnswer press(
            @RequestAttribute(DeviceSignatureFilter.NONCE_ATTRIBUTE) NonceClaim nonce,
            @PathVariable String slotId,
            @RequestBody Press press) {
        return protocol.press(nonce, slotId, press);
    }

    /** A device with a display confirms the quote it showed after a press that needs a yes. */
    @PostMapping("/slots/{slotId}/confirm")
    PressAnswer confirm(
            @RequestAttribute(DeviceSignatureFilter.DEVICE_ATTRIBUTE) DeviceId device,
            @PathVariable String slotId,
            @RequestBody Confirm confirm) {
        return protocol.confirm(device, slotId, confirm);
    }

    @PostMapping("/heartbeat")
    Ok heartbeat(
            @RequestAttribute(DeviceSignatureFilter.DEVICE_ATTRIBUTE) DeviceId device,
            @RequestBody Heartbeat heartbeat) {
        return protocol.heartbeat(device, heartbeat);
    }

    @GetMapping("/config")
    Config config(@RequestAttribute(DeviceSignatureFilter.DEVICE_ATTRIBUTE) DeviceId device) {
        return protocol.config(device);
    }
}
