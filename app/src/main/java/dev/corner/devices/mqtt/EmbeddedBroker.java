package dev.corner.devices.mqtt;

import io.moquette.broker.ClientDescriptor;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.InterceptHandler;
import io.moquette.interception.messages.InterceptPublishMessage;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Properties;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The MQTT broker Corner runs itself when no external one is configured (Moquette, MQTT 3.1.1, in
 * memory: nothing is kept across restarts). Corner takes the devices' requests from it and gives it
 * the replies in process, not over a connection of its own: each request crosses the network once
 * each way, as over HTTP. It starts before Corner listens and stops after.
 */
public class EmbeddedBroker implements SmartLifecycle {

    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);

    /** Who publishes Corner's replies, and the name of its listener. */
    private static final String CORNER = "corner";

    private final MqttProperties.Embedded settings;
    private final BrokerAccess access;

    private volatile Server server;
    private InterceptHandler listener;
    private int port;

    EmbeddedBroker(MqttProperties.Embedded settings, BrokerAccess access) {
        this.settings = settings;
        this.access = access;
    }

    /** The port it listens on: the configured one, or the free one it took when configured with 0. */
    public int port() {
        return port;
    }

    @Override
    public synchronized void start() {
        if (server != null) {
            return;
        }
        port = settings.port() == 0 ? freePort(settings.host()) : requireFree(settings.host(), settings.port());
        var config = new Properties();
        config.setProperty("host", settings.host());
        config.setProperty("port", Integer.toString(port));
        config.setProperty("websocket_port", "disabled");
        config.setProperty("allow_anonymous", "false");
        config.setProperty("persistence_enabled", "false");
        // Moquette would otherwise report usage to its makers over the internet.
        config.setProperty("telemetry_enabled", "false");
        config.setProperty("use_bugsnag", "false");
        config.setProperty("use_metrics", "false");
        config.setProperty("netty.mqtt.message_size", Integer.toString(settings.maxMessageBytes()));
        config.setProperty("immediate_buffer_flush", "true");
        var broker = new Server();
        try {
            broker.startServer(new MemoryConfig(config), List.of(), null, access, access);
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded MQTT broker did not start", e);
        }
        server = broker;
        log.info("Embedded MQTT broker listening on {}:{}", settings.host(), port);
    }

    /** The client ids of the connections the broker has now: devices only, Corner has none of its own. */
    public List<String> connectedClients() {
        var current = server;
        return current == null
                ? List.of()
                : current.listConnectedClients().stream()
                        .map(ClientDescriptor::getClientID)
                        .toList();
    }

    /**
     * Hands every message a device publishes on its requests topic (the broker lets a device publish
     * nowhere else) to {@code requests}, as topic and payload, on the broker's interceptor thread:
     * the receiver must hand it on at once.
     */
    synchronized void listen(BiConsumer<String, byte[]> requests) {
        if (server == null || listener != null) {
            throw new IllegalStateException("the embedded broker is not running, or already has a listener");
        }
        listener = new AbstractInterceptHandler() {
            @Override
            public String getID() {
                return CORNER;
            }

            @Override
            public Class<?>[] getInterceptedMessageTypes() {
                return new Class<?>[] {InterceptPublishMessage.class};
            }

            @Override
            public void onPublish(InterceptPublishMessage message) {
                // Each listener gets its own reference to the payload and must let go of it.
                try {
                    if (MqttTopics.deviceOfRequests(message.getTopicName()).isPresent()) {
                        requests.accept(message.getTopicName(), ByteBufUtil.getBytes(message.getPayload()));
                    }
                } finally {
                    message.getPayload().release();
                }
            }

            @Override
            public void onSessionLoopError(Throwable error) {
                log.warn("The embedded MQTT broker's session loop failed", error);
            }
        };
        server.addInterceptHandler(listener);
    }

    /** Stops handing requests over; those handed over already are still answered. */
    synchronized void stopListening() {
        if (server != null && listener != null) {
            server.removeInterceptHandler(listener);
        }
        listener = null;
    }

    /** Publishes to the devices subscribed to {@code topic}, at least once; nothing once it has stopped. */
    void publish(String topic, byte[] payload) {
        var current = server;
        if (current == null) {
            return;
        }
        try {
            // The broker releases the payload once it has sent it on.
            current.internalPublish(
                    MqttMessageBuilders.publish()
                            .topicName(topic)
                            .qos(MqttQoS.AT_LEAST_ONCE)
                            .retained(false)
                            .payload(Unpooled.wrappedBuffer(payload))
                            .build(),
                    CORNER);
        } catch (IllegalStateException stopping) {
            // A reply after a shutdown that did not wait for it: no device can hear it any more.
            log.debug("A reply on {} was not published: the broker is stopping", topic);
        }
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            stopListening();
            server.stopServer();
            server = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private static int requireFree(String host, int port) {
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            return port;
        } catch (BindException e) {
            throw new MqttPortInUseException(port, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort(String host) {
        try (var socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(host, 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
