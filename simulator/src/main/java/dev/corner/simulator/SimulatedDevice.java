package dev.corner.simulator;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;

/**
 * One button or appliance speaking device protocol v1 to Corner, over HTTP or MQTT, signing every
 * request as its firmware would. One thread at a time per device.
 */
public final class SimulatedDevice implements AutoCloseable {

    private final DeviceCredentials credentials;
    private final DeviceTransport transport;
    private final Clock clock;

    public SimulatedDevice(DeviceCredentials credentials, DeviceTransport transport, Clock clock) {
        this.credentials = credentials;
        this.transport = transport;
        this.clock = clock;
    }

    /** A device talking HTTP to {@code baseUrl} (e.g. {@code http://localhost:8080}). */
    public static SimulatedDevice http(URI baseUrl, String deviceId, String secret) {
        return new SimulatedDevice(
                new DeviceCredentials(deviceId, secret), new HttpTransport(baseUrl.toString()), Clock.systemUTC());
    }

    /** A device connected to the MQTT broker at {@code brokerUrl} (e.g. {@code tcp://localhost:1883}). */
    public static SimulatedDevice mqtt(String brokerUrl, String deviceId, String secret) {
        var credentials = new DeviceCredentials(deviceId, secret);
        return new SimulatedDevice(credentials, MqttTransport.connect(brokerUrl, credentials), Clock.systemUTC());
    }

    /** The same device whose timestamps come from another clock (a test's clock, say). */
    public SimulatedDevice withClock(Clock other) {
        return new SimulatedDevice(credentials, transport, other);
    }

    public String deviceId() {
        return credentials.deviceId();
    }

    public DeviceReply press(String slotId, String pressId, int quantity) {
        return send(
                "POST",
                "/device/v1/slots/" + slotId + "/press",
                "{\"pressId\":" + Json.quote(pressId) + ",\"quantity\":" + quantity + "}");
    }

    public DeviceReply confirm(String slotId, String pressId, String quoteId) {
        return send(
                "POST",
                "/device/v1/slots/" + slotId + "/confirm",
                "{\"pressId\":" + Json.quote(pressId) + ",\"quoteId\":" + Json.quote(quoteId) + "}");
    }

    public DeviceReply status(String slotId, double remaining, double capacity, String unit, Instant measuredAt) {
        return send(
                "POST",
                "/device/v1/slots/" + slotId + "/status",
                "{\"remaining\":" + remaining + ",\"capacity\":" + capacity + ",\"unit\":" + Json.quote(unit)
                        + ",\"measuredAt\":" + Json.quote(measuredAt.toString()) + "}");
    }

    public DeviceReply heartbeat(String firmware, int batteryPercent) {
        return send(
                "POST",
                "/device/v1/heartbeat",
                "{\"firmware\":" + Json.quote(firmware) + ",\"battery\":" + batteryPercent + "}");
    }

    public DeviceReply config() {
        return send("GET", "/device/v1/config", "");
    }

    /** Signs and sends any request of the protocol. */
    public DeviceReply send(String method, String path, String body) {
        return transport.exchange(
                credentials.sign(method, path, body, clock.instant().getEpochSecond()));
    }

    @Override
    public void close() {
        transport.close();
    }
}
