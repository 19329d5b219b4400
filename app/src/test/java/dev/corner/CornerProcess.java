package dev.corner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Corner started as a process of its own from the test class path, as an operator would run it. */
public final class CornerProcess {

    private CornerProcess() {}

    /**
     * Starts Corner with {@code CORNER_DATA_DIR=dataDir}, {@code SERVER_PORT=port} and the given
     * environment ({@code null} values remove a variable), and waits until it is healthy. Its output
     * goes to {@code dataDir/name.log}, which a failure quotes.
     */
    public static Process start(Path dataDir, int port, String name, Map<String, String> environment) {
        var log = dataDir.resolve(name + ".log");
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var builder = new ProcessBuilder(
                        java,
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        CornerApplication.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("CORNER_DATA_DIR", dataDir.toString());
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        // Its embedded MQTT broker on a free port of the loopback, unless the caller says otherwise.
        builder.environment().put("CORNER_MQTT_EMBEDDED_PORT", "0");
        builder.environment().put("CORNER_MQTT_EMBEDDED_HOST", "127.0.0.1");
        environment.forEach((key, value) -> {
            if (value == null) {
                builder.environment().remove(key);
            } else {
                builder.environment().put(key, value);
            }
        });
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var api = new Api(port);
        try {
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptionsInstanceOf(IllegalStateException.class) // not listening yet
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new AssertionError(name + " start failed:\n" + Files.readString(log));
                        }
                        return "UP".equals(api.get("/actuator/health", null).text("status"));
                    });
            return process;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not become healthy:\n" + read(log));
        }
    }

    public static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
