package dev.corner.devices.mqtt;

import java.util.Optional;
import java.util.regex.Pattern;

/** The topics of device protocol v1 over MQTT, one pair per device. */
public final class MqttTopics {

    /** Every device's requests: what Corner subscribes to at an external broker. */
    public static final String ALL_REQUESTS = "corner/v1/devices/+/requests";

    private static final Pattern REQUESTS = Pattern.compile("corner/v1/devices/([^/+#]+)/requests");

    private MqttTopics() {}

    public static String requests(String deviceId) {
        return "corner/v1/devices/" + deviceId + "/requests";
    }

    public static String replies(String deviceId) {
        return "corner/v1/devices/" + deviceId + "/replies";
    }

    /** The device a requests topic belongs to; empty for any other topic. */
    public static Optional<String> deviceOfRequests(String topic) {
        var matcher = REQUESTS.matcher(topic);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
