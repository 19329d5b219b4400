package dev.corner.devices.mqtt;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code corner.mqtt.*}: the device protocol over MQTT. An empty {@code brokerUrl} starts the
 * embedded broker on {@code embedded.port}; otherwise Corner connects to the broker named there.
 */
@ConfigurationProperties("corner.mqtt")
public record MqttProperties(
        boolean enabled,
        String brokerUrl,
        String username,
        String password,
        String sharedGroup,
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
    }

    /** The embedded broker: where it listens, and the largest message it takes. */
    public record Embedded(String host, int port, int maxMessageBytes) {}

    boolean external() {
        return brokerUrl != null && !brokerUrl.isBlank();
    }
}
