package dev.corner.devices.mqtt;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * {@code mqtt} in {@code /actuator/health}: up while Corner's connection to the broker is
 * established (the client reconnects by itself; while it does, devices on MQTT are not served).
 */
class MqttHealthIndicator extends AbstractHealthIndicator {

    private final MqttDeviceGateway gateway;

    MqttHealthIndicator(MqttDeviceGateway gateway) {
        super("MQTT health check failed");
        this.gateway = gateway;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        var state = gateway.state();
        (state.connected() ? builder.up() : builder.down())
                .withDetail("broker", String.valueOf(state.broker()))
                .withDetail(
                        "subscription",
                        state.subscription() == null ? "none: requests taken in process" : state.subscription())
                .withDetail("busyWorkers", state.busyWorkers())
                .withDetail("waitingRequests", state.waiting());
    }
}
