package dev.corner.devices.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

class EmbeddedBrokerTest {

    @Test
    void aPortInUseStopsStartupNamingTheProperty() throws Exception {
        try (var taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            var broker = new EmbeddedBroker(
                    new MqttProperties.Embedded("127.0.0.1", taken.getLocalPort(), 262144), new BrokerAccess(null));

            assertThatThrownBy(broker::start)
                    .isInstanceOf(MqttPortInUseException.class)
                    .hasMessageContaining("port " + taken.getLocalPort())
                    .hasMessageContaining("corner.mqtt.embedded.port");
            assertThat(broker.isRunning()).isFalse();
        }
    }

    @Test
    void theFailureReportSaysWhatToChange() {
        FailureAnalysis analysis = new MqttPortInUseFailureAnalyzer()
                .analyze(new IllegalStateException("wrapped", new MqttPortInUseException(1883, null)));

        assertThat(analysis.getDescription()).contains("port 1883 is already in use");
        assertThat(analysis.getAction()).contains("corner.mqtt.embedded.port", "CORNER_MQTT_EMBEDDED_PORT");
    }

    @Test
    void portZeroTakesAFreePortAndStopsCleanly() {
        var broker = new EmbeddedBroker(new MqttProperties.Embedded("127.0.0.1", 0, 262144), new BrokerAccess(null));
        broker.start();
        try {
            assertThat(broker.port()).isPositive();
            assertThat(broker.isRunning()).isTrue();
        } finally {
            broker.stop();
        }
        assertThat(broker.isRunning()).isFalse();
    }
}
