package dev.corner;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A device that speaks protocol v1 over MQTT, written from the protocol document alone: it connects
 * with its broker password, listens on its replies topic, and publishes signed envelopes.
 */
public final class MqttDevice implements AutoCloseable {

    public record Reply(String nonce, int status, JsonNode body, String raw) {
        public String text(String field) {
            var node = body.get(field);
            return node == null || node.isNull() ? null : node.asString();
        }
    }

    private final String deviceId;
    private final String secret;
    private final Clock clock;
    private final Mqtt3BlockingClient client;
    private final LinkedBlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
    private final java.util.List<Reply> unclaimed = new java.util.ArrayList<>();

    private MqttDevice(String deviceId, String secret, Clock clock, Mqtt3BlockingClient client) {
        this.deviceId = deviceId;
        this.secret = secret;
        this.clock = clock;
        this.client = client;
    }

    /**
     * Connects as the device and subscribes to its own replies; as firmware does, once more if the
     * broker dropped the connection while it was being set up (Moquette now and then closes a
     * connection whose subscription follows its acknowledgement at once).
     */
    public static MqttDevice connect(int port, String deviceId, String secret, Clock clock) {
        try {
            return connectOnce(port, deviceId, secret, clock);
        } catch (java.util.concurrent.CompletionException
                | com.hivemq.client.mqtt.exceptions.ConnectionClosedException dropped) {
            return connectOnce(port, deviceId, secret, clock);
        }
    }

    private static MqttDevice connectOnce(int port, String deviceId, String secret, Clock clock) {
        var client = client(port, deviceId, deviceId, brokerPassword(secret, deviceId));
        client.connect();
        var device = new MqttDevice(deviceId, secret, clock, client);
        client.toAsync()
                .subscribeWith()
                .topicFilter("corner/v1/devices/" + deviceId + "/replies")
                .qos(MqttQos.AT_LEAST_ONCE)
                .callback(publish ->
                        device.replies.add(parse(new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8))))
                .send()
                .join();
        return device;
    }

    public static Mqtt3BlockingClient client(int port, String clientId, String username, String password) {
        return MqttClient.builder()
                .useMqttVersion3()
                .identifier(clientId)
                .serverHost("127.0.0.1")
                .serverPort(port)
                .simpleAuth()
                .username(username)
                .password(password.getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth()
                .buildBlocking();
    }

    /** base64( HMAC-SHA256( secret, "mqtt\n" + deviceId ) ), the secret decoded from base64. */
    public static String brokerPassword(String secretText, String deviceId) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secretText), "HmacSHA256"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(("mqtt\n" + deviceId).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A signed envelope as the protocol document describes it. */
    public static String envelope(
            String secretText, String method, String path, String body, long timestamp, String nonce) {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        var signature = DeviceClient.signature(secretText, method, path, Long.toString(timestamp), nonce, bytes);
        ObjectNode envelope = Api.JSON.createObjectNode();
        envelope.put("method", method);
        envelope.put("path", path);
        envelope.put("timestamp", Long.toString(timestamp));
        envelope.put("nonce", nonce);
        envelope.put("signature", signature);
        envelope.put("body", body);
        return envelope.toString();
    }

    public static Reply parse(String raw) {
        var node = Api.JSON.readTree(raw);
        var nonce = node.get("nonce");
        return new Reply(
                nonce == null || nonce.isNull() ? null : nonce.asString(),
                node.get("status").asInt(),
                node.get("body"),
                raw);
    }

    public String envelope(String method, String path, String body, String nonce) {
        return envelope(secret, method, path, body, clock.instant().getEpochSecond(), nonce);
    }

    public Reply press(String slotId, String pressId) {
        return request(
                "POST", "/device/v1/slots/" + slotId + "/press", "{\"pressId\":\"" + pressId + "\",\"quantity\":1}");
    }

    /** Signs, publishes and waits for the reply that quotes this request's nonce. */
    public Reply request(String method, String path, String body) {
        var nonce = DeviceClient.newNonce();
        publish(envelope(method, path, body, nonce));
        return awaitReply(nonce, Duration.ofSeconds(15));
    }

    public void publish(String payload) {
        publishTo("corner/v1/devices/" + deviceId + "/requests", payload);
    }

    /**
     * Publishes without waiting for the broker's acknowledgement: the embedded broker acknowledges
     * no publish that the device is not allowed to make.
     */
    public void publishUnacknowledged(String topic, String payload) {
        client.toAsync()
                .publishWith()
                .topic(topic)
                .qos(MqttQos.AT_LEAST_ONCE)
                .payload(payload.getBytes(StandardCharsets.UTF_8))
                .send();
    }

    public void publishTo(String topic, String payload) {
        client.publishWith()
                .topic(topic)
                .qos(MqttQos.AT_LEAST_ONCE)
                .payload(payload.getBytes(StandardCharsets.UTF_8))
                .send();
    }

    /** The next reply quoting this nonce (null for a reply that quotes none); others are skipped. */
    public Reply awaitReply(String nonce, Duration timeout) {
        var deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                var left = deadline - System.nanoTime();
                var reply = left <= 0 ? null : replies.poll(left, TimeUnit.NANOSECONDS);
                if (reply == null) {
                    throw new AssertionError("no reply for nonce " + nonce + " within " + timeout);
                }
                if (java.util.Objects.equals(reply.nonce(), nonce)) {
                    return reply;
                }
                unclaimed.add(reply);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Every reply not yet awaited that arrived so far or within the time given. */
    public java.util.List<Reply> repliesWithin(Duration wait) throws InterruptedException {
        Thread.sleep(wait.toMillis());
        var all = new java.util.ArrayList<Reply>(unclaimed);
        unclaimed.clear();
        replies.drainTo(all);
        return all;
    }

    @Override
    public void close() {
        client.disconnect();
    }
}
