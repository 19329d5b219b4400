package dev.corner.devices.mqtt;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a taken MQTT port into Spring Boot's short "APPLICATION FAILED TO START" report. */
class MqttPortInUseFailureAnalyzer extends AbstractFailureAnalyzer<MqttPortInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MqttPortInUseException cause) {
        return new FailureAnalysis(
                "The embedded MQTT broker could not start: port " + cause.port() + " is already in use.",
                "Set corner.mqtt.embedded.port (environment CORNER_MQTT_EMBEDDED_PORT) to a free port, point"
                        + " corner.mqtt.broker-url (CORNER_MQTT_BROKER_URL) at an external broker, or set"
                        + " corner.mqtt.enabled=false (CORNER_MQTT_ENABLED).",
                cause);
    }
}
