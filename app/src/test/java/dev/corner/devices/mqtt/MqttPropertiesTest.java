package dev.corner.devices.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MqttPropertiesTest {

    private static MqttProperties with(String brokerUrl, String clientId) {
        return new MqttProperties(
                true,
                brokerUrl,
                null,
                null,
                "corner",
                clientId,
                16,
                1000,
                Duration.ofSeconds(10),
                new MqttProperties.Embedded("127.0.0.1", 0, 262144));
    }

    @Test
    void aClientIdGivesAPersistentSessionAtAnExternalBroker() {
        assertThat(with("tcp://broker:1883", "corner-node-1").persistentSession())
                .isTrue();
        assertThat(with("tcp://broker:1883", "").persistentSession()).isFalse();
        assertThat(with("", null).persistentSession()).isFalse();
    }

    @Test
    void aClientIdWithTheEmbeddedBrokerStopsStartupWithAMessageThatSaysWhy() {
        assertThatThrownBy(() -> with("", "corner-node-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("corner.mqtt.broker-url");
    }
}
