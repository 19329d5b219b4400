package dev.corner.simulator;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What Corner answered a device: the status and the JSON body as text, the same over HTTP and MQTT.
 */
public record DeviceReply(int status, String body) {

    /** A field of the body, string or number, at any depth (the first found), as text. */
    public Optional<String> find(String name) {
        var matcher = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|-?[0-9.]+)")
                .matcher(body);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(matcher.group(2) != null ? matcher.group(2) : matcher.group(1));
    }

    /** A field that must be there. */
    public String field(String name) {
        return find(name)
                .orElseThrow(() -> new IllegalStateException("no " + name + " in the answer " + status + " " + body));
    }

    /** The press or status result ({@code ORDER_PLACED}…), or the problem code of a refusal. */
    public String result() {
        return find("result").or(() -> find("code")).orElse(Integer.toString(status));
    }
}
