package dev.corner.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Setting devices up through Corner's REST API as a maker and a household would: a model,
 * provisioning in bulk, claiming, binding a slot.
 */
public final class Fleet {

    private static final Pattern PROVISIONED = Pattern.compile(
            "\\{\"deviceId\":\"([^\"]+)\",\"serial\":\"([^\"]+)\",\"secret\":\"([^\"]+)\",\"claimCode\":\"([^\"]+)\"}");
    private static final int BATCH = 1000;

    /** A device as provisioning answered it. */
    public record Provisioned(String deviceId, String serial, String secret, String claimCode) {
        public DeviceCredentials credentials() {
            return new DeviceCredentials(deviceId, secret);
        }
    }

    private final JsonClient api;

    public Fleet(JsonClient api) {
        this.api = api;
    }

    /** Registers a device model with one slot {@code main}; answers the model id. */
    public String model(String maker, String name, String kind, String unit, long capacity) {
        return model(maker, name, kind, unit, capacity, List.of("main"));
    }

    /** Registers a device model with the given slots, all alike; answers the model id. */
    public String model(String maker, String name, String kind, String unit, long capacity, List<String> slotIds) {
        var slots = slotIds.stream()
                .map(slot -> "{\"slotId\":" + Json.quote(slot) + ",\"unit\":" + Json.quote(unit) + ",\"capacity\":"
                        + capacity + "}")
                .reduce((a, b) -> a + "," + b)
                .orElseThrow();
        return JsonClient.field(
                api.post(
                        "/api/v1/device-models",
                        maker,
                        "{\"name\":" + Json.quote(name) + ",\"kind\":\"" + kind + "\",\"slots\":[" + slots + "]}"),
                "modelId");
    }

    /** Provisions {@code count} devices of a model, in batches, with serials made from a prefix. */
    public List<Provisioned> provision(String maker, String modelId, String serialPrefix, int count) {
        var devices = new ArrayList<Provisioned>(count);
        var run = UUID.randomUUID().toString().substring(0, 8);
        for (int from = 0; from < count; from += BATCH) {
            var serials = new StringBuilder();
            for (int i = from; i < Math.min(count, from + BATCH); i++) {
                serials.append(serials.isEmpty() ? "" : ",")
                        .append(Json.quote(serialPrefix + "-" + run + "-" + (i + 1)));
            }
            var matcher = PROVISIONED.matcher(api.post(
                    "/api/v1/device-models/" + modelId + "/devices", maker, "{\"serials\":[" + serials + "]}"));
            while (matcher.find()) {
                devices.add(new Provisioned(matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4)));
            }
        }
        return devices;
    }

    public void claim(String household, Provisioned device) {
        api.post(
                "/api/v1/devices/claims",
                household,
                "{\"serial\":" + Json.quote(device.serial()) + ",\"claimCode\":" + Json.quote(device.claimCode())
                        + "}");
    }

    /** Binds the slot {@code main} of a device; {@code binding} is the JSON body of the slot binding. */
    public void bind(String household, String deviceId, String binding) {
        bind(household, deviceId, "main", binding);
    }

    /** Binds a slot of a device; {@code binding} is the JSON body of the slot binding. */
    public void bind(String household, String deviceId, String slotId, String binding) {
        api.put("/api/v1/devices/" + deviceId + "/slots/" + slotId, household, binding);
    }

    /** A slot binding: acceptable products, strategy, stores, unit-price cap in cents, quantity 1. */
    public static String binding(
            List<String> productIds, String strategy, List<String> storeIds, long maxUnitPrice, String currency) {
        return "{\"productIds\":" + list(productIds) + ",\"strategy\":\"" + strategy + "\",\"storeIds\":"
                + list(storeIds) + ",\"maxUnitPrice\":{\"amount\":" + maxUnitPrice + ",\"currency\":\"" + currency
                + "\"},\"quantity\":1}";
    }

    private static String list(List<String> values) {
        return values.stream()
                .map(Json::quote)
                .reduce((a, b) -> a + "," + b)
                .map(v -> "[" + v + "]")
                .orElse("[]");
    }
}
