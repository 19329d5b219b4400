package dev.corner.devices.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.suback.Mqtt3SubAckReturnCode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * Where device requests over MQTT come in and their replies go out. With the embedded broker Corner
 * takes the requests from it and hands it the replies in process; with an external broker Corner
 * connects as a client and subscribes to every device's requests topic (a shared subscription, so
 * that several Corner nodes each take a share). Either way each request goes to a bounded pool of
 * workers, never doing database work on the broker's or the client's own thread, and each reply is
 * published on the device's replies topic. When every worker is busy and the queue is full, the
 * device hears {@code 503 BUSY} at once.
 */
class MqttDeviceGateway implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MqttDeviceGateway.class);
    private static final Duration DRAIN = Duration.ofSeconds(10);
    /** A node's client id at an external broker when none is configured: this and a random part. */
    private static final String CLIENT_PREFIX = "corner-";

    private final MqttProperties properties;
    private final ObjectProvider<EmbeddedBroker> embedded;
    private final MqttDeviceRequests requests;

    private volatile Mqtt3AsyncClient client;
    private volatile EmbeddedBroker inProcess;
    private volatile boolean stopping;
    private volatile ThreadPoolExecutor workers;
    private volatile String subscription;
    private volatile String where;

    MqttDeviceGateway(MqttProperties properties, ObjectProvider<EmbeddedBroker> embedded, MqttDeviceRequests requests) {
        this.properties = properties;
        this.embedded = embedded;
        this.requests = requests;
    }

    @Override
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        workers = workers(properties.workers(), properties.queue());
        stopping = false;
        var broker = embedded.getIfAvailable();
        if (broker != null) {
            where = "the embedded broker on port " + broker.port() + ", in process";
            subscription = null;
            broker.listen((topic, payload) -> received(topic, payload, () -> {}));
            inProcess = broker;
            log.info("Device protocol over MQTT: requests taken from {}", where);
            return;
        }
        connect();
    }

    private void connect() {
        var persistent = properties.persistentSession();
        var builder = MqttClient.builder()
                .useMqttVersion3()
                .identifier(persistent ? properties.clientId().strip() : CLIENT_PREFIX + randomHex())
                .automaticReconnectWithDefaultConfig()
                .addDisconnectedListener(context -> {
                    if (context.getSource() != com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource.USER) {
                        log.warn(
                                "MQTT connection lost ({}); reconnecting",
                                context.getCause().getMessage());
                    }
                });
        var url = URI.create(properties.brokerUrl().strip());
        var tls = "ssl".equals(url.getScheme()) || "mqtts".equals(url.getScheme());
        builder = builder.serverHost(url.getHost()).serverPort(url.getPort() > 0 ? url.getPort() : tls ? 8883 : 1883);
        if (tls) {
            builder = builder.sslWithDefaultConfig();
        }
        if (properties.username() != null && !properties.username().isBlank()) {
            builder = builder.simpleAuth()
                    .username(properties.username())
                    .password(
                            properties.password() == null
                                    ? new byte[0]
                                    : properties.password().getBytes(StandardCharsets.UTF_8))
                    .applySimpleAuth();
        }
        where = url.getScheme() + "://" + url.getHost() + ":" + (url.getPort() > 0 ? url.getPort() : "");
        var group = properties.sharedGroup();
        subscription = group == null || group.isBlank()
                ? MqttTopics.ALL_REQUESTS
                : "$share/" + group.strip() + "/" + MqttTopics.ALL_REQUESTS;
        var connecting = builder.buildAsync();
        // With a persistent session a request is acknowledged only once it is answered, so the
        // broker sends again what a node took but did not answer before it went away. ALL, not
        // SUBSCRIBED: what a persistent session kept arrives right after the CONNACK, before this
        // client has subscribed again, and would otherwise be acknowledged and dropped.
        connecting.publishes(
                MqttGlobalPublishFilter.ALL,
                publish -> received(publish.getTopic().toString(), publish.getPayloadAsBytes(), () -> {
                    if (persistent) {
                        publish.acknowledge();
                    }
                }),
                persistent);
        try {
            connecting
                    .connectWith()
                    .cleanSession(!persistent)
                    .keepAlive(30)
                    .send()
                    .get(properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
            var subAck = connecting
                    .subscribeWith()
                    .topicFilter(subscription)
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .send()
                    .get(properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (subAck.getReturnCodes().contains(Mqtt3SubAckReturnCode.FAILURE)) {
                throw new IllegalStateException("the broker refused Corner's subscription to " + subscription);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            connecting.disconnect();
            throw new IllegalStateException("interrupted while connecting to the MQTT broker", e);
        } catch (ExecutionException | TimeoutException | IllegalStateException e) {
            connecting.disconnect();
            workers.shutdownNow();
            throw new IllegalStateException(
                    "Corner could not connect to the MQTT broker at " + where + " and subscribe to " + subscription
                            + " (corner.mqtt.broker-url): " + describe(e),
                    e);
        }
        client = connecting;
        log.info(
                "Device protocol over MQTT: subscribed to {} at {}{}",
                subscription,
                where,
                persistent ? " (persistent session " + properties.clientId().strip() + ")" : "");
    }

    /**
     * A request from the broker; {@code acknowledge} tells a broker that keeps the node's session that
     * it was answered (or was no request), so that it is not delivered again.
     */
    private void received(String topic, byte[] payload, Runnable acknowledge) {
        if (stopping) {
            // Not acknowledged: with a persistent session the broker sends it again to the node's next
            // connection; with a clean one it is lost, as anything sent while no node listens.
            return;
        }
        var deviceId = MqttTopics.deviceOfRequests(topic);
        if (deviceId.isEmpty()) {
            acknowledge.run();
            return;
        }
        try {
            workers.execute(() -> handle(deviceId.get(), payload, acknowledge));
        } catch (RejectedExecutionException e) {
            if (!workers.isShutdown()) {
                reply(deviceId.get(), requests.write(requests.busy(payload)));
                acknowledge.run();
            }
        }
    }

    private void handle(String deviceId, byte[] payload, Runnable acknowledge) {
        try {
            requests.handle(deviceId, payload).ifPresent(reply -> reply(deviceId, requests.write(reply)));
        } catch (RuntimeException e) {
            log.error("A device request over MQTT failed", e);
        }
        acknowledge.run();
    }

    private void reply(String deviceId, byte[] body) {
        var broker = inProcess;
        if (broker != null) {
            broker.publish(MqttTopics.replies(deviceId), body);
            return;
        }
        var current = client;
        if (current == null) {
            return;
        }
        current.publishWith()
                .topic(MqttTopics.replies(deviceId))
                .qos(MqttQos.AT_LEAST_ONCE)
                .payload(body)
                .send()
                .whenComplete((sent, failure) -> {
                    if (failure != null) {
                        log.warn("A reply to device {} was not published: {}", deviceId, failure.getMessage());
                    }
                });
    }

    @Override
    public synchronized void stop() {
        var current = client;
        var broker = inProcess;
        if (current == null && broker == null) {
            return;
        }
        stopping = true;
        if (broker != null) {
            // No new requests; those already taken are answered before the broker stops.
            broker.stopListening();
        } else if (!properties.persistentSession()) {
            try {
                // No new requests; those already taken are answered before the connection closes.
                current.unsubscribeWith().topicFilter(subscription).send().get(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                log.debug("Unsubscribing on shutdown failed", e);
            }
        }
        // A persistent session keeps its subscription: what arrives from now on waits at the broker.
        workers.shutdown();
        try {
            if (!workers.awaitTermination(DRAIN.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn(
                        "{} device requests over MQTT were not answered before shutdown",
                        workers.getQueue().size());
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
        inProcess = null;
        if (current != null) {
            try {
                current.disconnect().get(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                log.debug("Disconnecting on shutdown failed", e);
            }
        }
        client = null;
    }

    /** What the health endpoint reports: connected or not, where, and how busy the workers are. */
    record State(boolean connected, String broker, String subscription, int busyWorkers, int waiting) {}

    State state() {
        var current = client;
        var broker = inProcess;
        var pool = workers;
        return new State(
                broker != null
                        ? broker.isRunning()
                        : current != null && current.getState().isConnected(),
                where,
                subscription,
                pool == null ? 0 : pool.getActiveCount(),
                pool == null ? 0 : pool.getQueue().size());
    }

    @Override
    public boolean isRunning() {
        return client != null || inProcess != null;
    }

    /** After the embedded broker has started; stopped before it. */
    @Override
    public int getPhase() {
        return EmbeddedBroker.PHASE + 1024;
    }

    private static ThreadPoolExecutor workers(int threads, int queue) {
        var count = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), task -> {
            var thread = new Thread(task, "mqtt-device-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    private static String randomHex() {
        var bytes = new byte[8];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String describe(Exception e) {
        var cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return cause instanceof TimeoutException ? "no answer in time" : String.valueOf(cause.getMessage());
    }
}
