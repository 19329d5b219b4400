package dev.corner.devices.mqtt;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code corner.mqtt.*}: the device protocol over MQTT. An empty {@code brokerUrl} starts the
 * embedded broker on {@code embedded.port}; otherwise Corner connects to the broker named there.
 * A {@code clientId} (external brokers only, one per node) makes Corner's session there persistent.
 */
@ConfigurationProperties("corner.mqtt")
public record MqttProperties(
        boolean enabled,
        String brokerUrl,
        String username,
        String password,
        String sharedGroup,
        String clientId,
        int workers,
        int queue,
        Duration connectTimeout,
        Embedded embedded) {

    public MqttProperties {
        if (workers < 1) {
            throw new IllegalArgumentException("corner.mqtt.workers must be at least 1");
        }
        if (queue < 1) {
            throw new IllegalArgumentException("corner.mqtt.queue must be at least 1");
        }
        if (clientId != null && !clientId.isBlank() && (brokerUrl == null || brokerUrl.isBlank())) {
            // The embedded broker starts and stops with this node: a session kept in it outlives nothing.
            throw new IllegalArgumentException(
                    "corner.mqtt.client-id makes a persistent session at an external broker; set corner.mqtt.broker-url"
                            + " too, or leave the client id empty");
        }
    }

    /** The embedded broker: where it listens, and the largest message it takes. */
    public record Embedded(String host, int port, int maxMessageBytes) {}

    boolean external() {
        return brokerUrl != null && !brokerUrl.isBlank();
    }

    /** Whether the external broker keeps this node's subscription and its unacknowledged requests. */
    boolean persistentSession() {
        return clientId != null && !clientId.isBlank();
    }
}
