package dev.corner.devices.mqtt;

/** The embedded broker's port is taken: startup stops and says which setting to change. */
public class MqttPortInUseException extends IllegalStateException {

    private final int port;

    MqttPortInUseException(int port, Throwable cause) {
        super(
                "The embedded MQTT broker cannot listen on port " + port
                        + ": it is in use. Set corner.mqtt.embedded.port (CORNER_MQTT_EMBEDDED_PORT) to a free port,"
                        + " or corner.mqtt.broker-url (CORNER_MQTT_BROKER_URL) to use an external broker,"
                        + " or corner.mqtt.enabled=false (CORNER_MQTT_ENABLED) to turn MQTT off.",
                cause);
        this.port = port;
    }

    public int port() {
        return port;
    }
}
