package dev.corner.devices.mqtt;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The MQTT broker Corner runs itself when no external one is configured (Moquette, MQTT 3.1.1, in
 * memory: nothing is kept across restarts). It starts before Corner's own client connects and stops
 * after it has gone.
 */
public class EmbeddedBroker implements SmartLifecycle {

    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final MqttProperties.Embedded settings;
    private final BrokerAccess access;
    private Server server;
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

    @Override
    public synchronized void stop() {
        if (server != null) {
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
