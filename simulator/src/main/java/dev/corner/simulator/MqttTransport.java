package dev.corner.simulator;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Device protocol v1 over MQTT, as one device: it connects to the broker with its own name and
 * password, publishes the signed envelope on {@code corner/v1/devices/{deviceId}/requests} and
 * waits for the reply with the same nonce on {@code corner/v1/devices/{deviceId}/replies}. Several
 * requests may be in flight at once.
 */
public final class MqttTransport implements DeviceTransport {

    private static final long TIMEOUT_SECONDS = 15;

    private final Mqtt3AsyncClient client;
    private final String requests;
    private final Map<String, CompletableFuture<DeviceReply>> waiting = new ConcurrentHashMap<>();

    private MqttTransport(Mqtt3AsyncClient client, String deviceId) {
        this.client = client;
        this.requests = "corner/v1/devices/" + deviceId + "/requests";
    }

    /**
     * Connects as the device and subscribes to its replies. As firmware does, a connection the
     * broker drops while it is being set up is tried again, up to three times in all (the embedded
     * broker now and then closes a connection whose subscription follows its acknowledgement at once).
     */
    public static MqttTransport connect(String brokerUrl, DeviceCredentials device) {
        for (int attempt = 1; ; attempt++) {
            try {
                return connectOnce(brokerUrl, device);
            } catch (IllegalStateException e) {
                if (attempt == 3) {
                    throw e;
                }
                try {
                    Thread.sleep(200L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static MqttTransport connectOnce(String brokerUrl, DeviceCredentials device) {
        var broker = URI.create(brokerUrl);
        var client = MqttClient.builder()
                .useMqttVersion3()
                .identifier("device-" + device.deviceId())
                .serverHost(broker.getHost())
                .serverPort(broker.getPort() < 0 ? 1883 : broker.getPort())
                .buildAsync();
        var transport = new MqttTransport(client, device.deviceId());
        await(client.connectWith()
                .cleanSession(true)
                .simpleAuth()
                .username(device.deviceId())
                .password(device.mqttPassword().getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth()
                .send());
        try {
            await(client.subscribeWith()
                    .topicFilter("corner/v1/devices/" + device.deviceId() + "/replies")
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .callback(transport::onReply)
                    .send());
        } catch (IllegalStateException e) {
            transport.close();
            throw e;
        }
        return transport;
    }

    @Override
    public DeviceReply exchange(DeviceCredentials.Signed request) {
        try {
            return send(request).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TimeoutException) {
                throw new IllegalStateException("no reply within " + TIMEOUT_SECONDS + " s to " + request.path(), e);
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Publishes a request and answers its reply when it comes, without waiting; the answer fails
     * when no reply came within 15 s.
     */
    public CompletableFuture<DeviceReply> send(DeviceCredentials.Signed request) {
        var reply = new CompletableFuture<DeviceReply>();
        waiting.put(request.nonce(), reply);
        reply.orTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .whenComplete((answer, failure) -> waiting.remove(request.nonce()));
        client.publishWith()
                .topic(requests)
                .qos(MqttQos.AT_LEAST_ONCE)
                .payload(envelope(request).getBytes(StandardCharsets.UTF_8))
                .send()
                .whenComplete((ack, failure) -> {
                    if (failure != null) {
                        waiting.remove(request.nonce());
                        reply.completeExceptionally(failure);
                    }
                });
        return reply;
    }

    /** The signed envelope: the HTTP headers' values and the signed body as a JSON string. */
    static String envelope(DeviceCredentials.Signed request) {
        return "{\"method\":" + Json.quote(request.method()) + ",\"path\":" + Json.quote(request.path())
                + ",\"timestamp\":" + Json.quote(request.timestamp()) + ",\"nonce\":" + Json.quote(request.nonce())
                + ",\"signature\":" + Json.quote(request.signature()) + ",\"body\":" + Json.quote(request.body()) + "}";
    }

    private void onReply(Mqtt3Publish publish) {
        var text = new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8);
        var nonce = Json.stringField(text, "nonce");
        if (nonce == null) {
            return;
        }
        var reply = waiting.remove(nonce);
        if (reply != null) {
            var status = Json.rawValue(text, "status");
            var body = Json.rawValue(text, "body");
            reply.complete(new DeviceReply(status == null ? 0 : Integer.parseInt(status), body == null ? "" : body));
        }
    }

    private static void await(CompletableFuture<?> step) {
        try {
            step.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("MQTT: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("MQTT: the broker did not answer within " + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        waiting.values().forEach(reply -> reply.completeExceptionally(new IllegalStateException("closed")));
        client.disconnect()
                .orTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .exceptionally(e -> null)
                .join();
    }
}
