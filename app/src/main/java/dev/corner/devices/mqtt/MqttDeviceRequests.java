package dev.corner.devices.mqtt;

import dev.corner.common.web.Problems;
import dev.corner.devices.internal.DeviceAuthentication;
import dev.corner.devices.internal.DeviceAuthentication.Authenticated;
import dev.corner.devices.internal.DeviceAuthentication.Refused;
import dev.corner.devices.internal.DeviceAuthentication.SignedRequest;
import dev.corner.devices.internal.DeviceProtocol;
import dev.corner.devices.internal.DeviceRequestRouter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One request over MQTT: the envelope is read, authenticated exactly as over HTTP, and routed to the
 * same calls as the HTTP controllers. The answer is the reply to publish, or nothing for a request
 * whose nonce was seen before (a redelivery), so a device never hears a confusing second answer.
 */
class MqttDeviceRequests {

    /** What is published on the device's replies topic; {@code body} is what HTTP would have answered. */
    record Reply(String nonce, int status, Object body) {}

    private final DeviceAuthentication authentication;
    private final DeviceRequestRouter router;
    private final JsonMapper json;

    MqttDeviceRequests(DeviceAuthentication authentication, DeviceRequestRouter router, JsonMapper json) {
        this.authentication = authentication;
        this.router = router;
        this.json = json;
    }

    Optional<Reply> handle(String deviceId, byte[] payload) {
        JsonNode envelope;
        try {
            envelope = json.readTree(payload);
        } catch (JacksonException e) {
            return Optional.of(malformed(null, "the payload is not JSON"));
        }
        if (envelope == null || !envelope.isObject()) {
            return Optional.of(malformed(null, "the payload is not a JSON object"));
        }
        var nonce = text(envelope, "nonce");
        var method = text(envelope, "method");
        var path = text(envelope, "path");
        var body = envelope.get("body");
        if (method == null || path == null || !path.startsWith("/")) {
            return Optional.of(malformed(nonce, "method and path are required"));
        }
        if (body != null && !body.isNull() && !body.isString()) {
            return Optional.of(malformed(nonce, "body must be a string holding the signed bytes"));
        }
        var bytes =
                body == null || body.isNull() ? new byte[0] : body.asString().getBytes(StandardCharsets.UTF_8);
        var signed = new SignedRequest(
                deviceId, method, path, text(envelope, "timestamp"), nonce, text(envelope, "signature"), bytes);
        // A press's signature is checked in its batch and its nonce remembered in its own
        // transaction; any other request is authenticated in full before it acts.
        var outcome = DeviceProtocol.isPress(method, path)
                ? authentication.checkLater(signed)
                : authentication.authenticate(signed);
        if (outcome instanceof Refused refused) {
            return refusal(nonce, refused);
        }
        var claim = ((Authenticated) outcome).nonce();
        var answer = router.route(claim, method, path, bytes);
        // A press that never reached its batch (a body that is not JSON, say) is settled now.
        var refused = authentication.settle(claim);
        if (refused.isPresent()) {
            return refusal(nonce, refused.get());
        }
        return Optional.of(new Reply(nonce, answer.status(), answer.body()));
    }

    /** The reply to a refused request; none to a redelivered copy of a request (its nonce was seen). */
    private static Optional<Reply> refusal(String nonce, Refused refused) {
        if (refused.nonceReused()) {
            return Optional.empty();
        }
        return Optional.of(new Reply(
                nonce, refused.status().value(), Problems.of(refused.status(), refused.code(), refused.detail())));
    }

    /** A busy Corner answers at once; the device may send the request again with a new nonce. */
    Reply busy(byte[] payload) {
        String nonce = null;
        try {
            var envelope = json.readTree(payload);
            nonce = envelope != null && envelope.isObject() ? text(envelope, "nonce") : null;
        } catch (JacksonException e) {
            // no nonce to quote
        }
        return new Reply(
                nonce,
                HttpStatus.SERVICE_UNAVAILABLE.value(),
                Problems.of(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "BUSY",
                        "too many device requests at once; send it again with a new nonce"));
    }

    byte[] write(Reply reply) {
        return json.writeValueAsBytes(reply);
    }

    private static Reply malformed(String nonce, String detail) {
        return new Reply(
                nonce,
                HttpStatus.BAD_REQUEST.value(),
                Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_ENVELOPE", detail));
    }

    /** A text member; a number is taken as its digits (a timestamp sent unquoted), anything else as absent. */
    private static String text(JsonNode envelope, String field) {
        var node = envelope.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isString()) {
            return node.asString();
        }
        return node.isIntegralNumber() ? node.asString() : null;
    }
}
