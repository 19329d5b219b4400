package dev.corner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Corner against Debian's Mosquitto: a real broker process with a password file and the ACL from
 * docs/device-protocol.md, a second Corner process pointed at it by {@code corner.mqtt.broker-url},
 * and {@code mosquitto_pub} / {@code mosquitto_sub} as the device. CI installs Mosquitto and a
 * missing one fails there; elsewhere the test is skipped.
 */
@CornerTest
@Timeout(300)
class MosquittoTest extends ContractTest {

    static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");
    static final Path PUB = Path.of("/usr/bin/mosquitto_pub");
    static final Path SUB = Path.of("/usr/bin/mosquitto_sub");
    static final Path PASSWD = Path.of("/usr/bin/mosquitto_passwd");

    @Autowired
    ObjectProvider<EmbeddedPostgres> embedded;

    @Value("${corner.data-dir}")
    Path dataDir;

    @TempDir
    Path dir;

    private Process broker;
    private Process corner;
    private int cornerPort;

    @AfterEach
    void stop() throws InterruptedException {
        for (var process : new Process[] {corner, broker}) {
            if (process != null) {
                process.destroy();
                process.waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aDevicePressesThroughMosquittoWithTheMosquittoClients() throws Exception {
        if (System.getenv("CI") == null) {
            assumeTrue(
                    List.of(MOSQUITTO, PUB, SUB, PASSWD).stream().allMatch(Files::isExecutable),
                    "no Mosquitto installed; skipped");
        }
        var shop = town.shop(3);
        var household = town.householdWithButton(shop);
        var deviceId = household.device().deviceId();
        var devicePassword = MqttDevice.brokerPassword(household.device().secret(), deviceId);

        int mqttPort = CornerProcess.freePort();
        startMosquitto(mqttPort, deviceId, devicePassword);
        startCorner(mqttPort);

        var replies = subscribeToReplies(mqttPort, deviceId, devicePassword, "-sub", "sub.out");

        var nonce = DeviceClient.newNonce();
        var envelope = MqttDevice.envelope(
                household.device().secret(),
                "POST",
                "/device/v1/slots/main/press",
                "{\"pressId\":\"via-mosquitto\",\"quantity\":1}",
                System.currentTimeMillis() / 1000,
                nonce);
        publish(mqttPort, deviceId, devicePassword, envelope);
        assertThat(replies.waitFor(60, TimeUnit.SECONDS))
                .as("a reply within 60 s")
                .isTrue();

        var reply = MqttDevice.parse(read(dir.resolve("sub.out")).strip());
        assertThat(reply.nonce()).isEqualTo(nonce);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        assertThat(reply.text("result")).isEqualTo("ORDER_PLACED");
        var order = api.get(
                "/api/v1/orders/" + reply.text("orderId"), household.account().token());
        assertThat(order.text("status")).isEqualTo("PLACED");
        assertThat(town.level(shop).reserved()).isEqualTo(1);

        // The documented shell example, as written, presses again: the open order is reported.
        var script = documentedExample(mqttPort, deviceId, household.device().secret());
        var shell = start(dir.resolve("example.out"), "bash", "-c", script);
        assertThat(shell.waitFor(60, TimeUnit.SECONDS)).isTrue();
        var output = read(dir.resolve("example.out")).strip();
        assertThat(shell.exitValue()).as(output).isZero();
        var again = MqttDevice.parse(output.lines().reduce((a, b) -> b).orElseThrow());
        assertThat(again.status()).as(output).isEqualTo(200);
        assertThat(again.text("result")).isEqualTo("ORDER_IN_PROGRESS");
        assertThat(again.text("orderId")).isEqualTo(reply.text("orderId"));

        // The broker goes away: Corner's health says so, and says it again once it is back.
        var cornerApi = new Api(cornerPort);
        assertThat(mqttHealth(cornerApi)).isEqualTo("UP");
        broker.destroy();
        assertThat(broker.waitFor(20, TimeUnit.SECONDS)).isTrue();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "DOWN".equals(mqttHealth(cornerApi)));
        assertThat(cornerApi.get("/actuator/health", null).status()).isEqualTo(503);
        startMosquitto(mqttPort, deviceId, devicePassword);
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> "UP".equals(mqttHealth(cornerApi)));

        // Corner's session is persistent (its own client id): a request sent while the node is
        // down waits at the broker and is answered once the node is back.
        var laterReplies = subscribeToReplies(mqttPort, deviceId, devicePassword, "-sub2", "later.out");
        corner.destroy();
        assertThat(corner.waitFor(30, TimeUnit.SECONDS)).isTrue();
        var whileDown = DeviceClient.newNonce();
        publish(
                mqttPort,
                deviceId,
                devicePassword,
                MqttDevice.envelope(
                        household.device().secret(),
                        "GET",
                        "/device/v1/config",
                        "",
                        System.currentTimeMillis() / 1000,
                        whileDown));
        startCorner(mqttPort);
        assertThat(laterReplies.waitFor(120, TimeUnit.SECONDS))
                .as(() -> "the request sent while Corner was down is answered; broker:\n"
                        + tail(read(dir.resolve("mosquitto.out")))
                        + "\nCorner:\n" + tail(read(dir.resolve("corner-on-mosquitto.log"))))
                .isTrue();
        var answered = MqttDevice.parse(read(dir.resolve("later.out")).strip());
        assertThat(answered.nonce()).isEqualTo(whileDown);
        assertThat(answered.status()).as(answered.raw()).isEqualTo(200);
        assertThat(answered.body().get("deviceId").asString()).isEqualTo(deviceId);
    }

    /** mosquitto_sub as the device, waiting for one reply, subscribed before this returns. */
    private Process subscribeToReplies(int port, String deviceId, String password, String suffix, String output)
            throws IOException {
        var sub = start(
                dir.resolve(output),
                SUB.toString(),
                "-h",
                "127.0.0.1",
                "-p",
                Integer.toString(port),
                "-u",
                deviceId,
                "-P",
                password,
                "-i",
                deviceId + suffix,
                "-q",
                "1",
                "-t",
                "corner/v1/devices/" + deviceId + "/replies",
                "-C",
                "1",
                "-W",
                "180");
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> read(dir.resolve("mosquitto.out")).contains(deviceId + suffix + " 1 corner/v1/devices/"));
        return sub;
    }

    private void publish(int port, String deviceId, String password, String envelope) throws Exception {
        var pub = start(
                dir.resolve("pub.out"),
                PUB.toString(),
                "-h",
                "127.0.0.1",
                "-p",
                Integer.toString(port),
                "-u",
                deviceId,
                "-P",
                password,
                "-i",
                deviceId + "-pub",
                "-q",
                "1",
                "-t",
                "corner/v1/devices/" + deviceId + "/requests",
                "-m",
                envelope);
        assertThat(pub.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(pub.exitValue()).as(read(dir.resolve("pub.out"))).isZero();
    }

    private static String mqttHealth(Api corner) {
        return corner.get("/actuator/health", null)
                .body()
                .get("components")
                .get("mqtt")
                .get("status")
                .asString();
    }

    private static String documentedExample(int port, String deviceId, String secret) throws IOException {
        var docs = Files.readString(Path.of("..", "docs", "device-protocol.md"));
        var block =
                docs.substring(docs.indexOf("<!-- mqtt-example:start -->"), docs.indexOf("<!-- mqtt-example:end -->"));
        var script = block.substring(block.indexOf("```sh") + 5, block.lastIndexOf("```"));
        assertThat(script).contains("HOST=localhost PORT=1883", "DEVICE=dev_", "SECRET='");
        return script.lines()
                .map(line -> line.startsWith("HOST=")
                        ? "HOST=127.0.0.1 PORT=" + port
                        : line.startsWith("DEVICE=")
                                ? "DEVICE=" + deviceId
                                : line.startsWith("SECRET=") ? "SECRET='" + secret + "'" : line)
                .collect(java.util.stream.Collectors.joining("\n", "set -e\n", "\n"));
    }

    private void startMosquitto(int port, String deviceId, String devicePassword) throws Exception {
        // Mosquitto started as root reads its files as its own user.
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        var passwords = dir.resolve("passwd");
        run(PASSWD.toString(), "-c", "-b", passwords.toString(), "corner", "corner-secret");
        run(PASSWD.toString(), "-b", passwords.toString(), deviceId, devicePassword);
        var acl = dir.resolve("acl");
        var docs = Files.readString(Path.of("..", "docs", "device-protocol.md"));
        var block = docs.substring(
                docs.indexOf("<!-- mosquitto-acl:start -->"), docs.indexOf("<!-- mosquitto-acl:end -->"));
        Files.writeString(acl, block.substring(block.indexOf("```text") + 7, block.lastIndexOf("```")));
        var config = dir.resolve("mosquitto.conf");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "listener " + port + " 127.0.0.1",
                        "allow_anonymous false",
                        "password_file " + passwords,
                        "acl_file " + acl,
                        "persistence false",
                        // Mosquitto started as root runs as its own user, who cannot write here: log to
                        // standard output, which this test redirects to a file.
                        "log_dest stdout",
                        "log_type all",
                        ""));
        // Line-buffered, so the test sees each subscription in the log as it happens.
        broker = start(dir.resolve("mosquitto.out"), "stdbuf", "-oL", MOSQUITTO.toString(), "-c", config.toString());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            assertThat(broker.isAlive()).as(read(dir.resolve("mosquitto.out"))).isTrue();
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return true;
            } catch (IOException e) {
                return false;
            }
        });
    }

    private void startCorner(int mqttPort) throws IOException {
        var environment = new HashMap<String, String>();
        var postgres = embedded.getIfAvailable();
        if (postgres != null) {
            environment.put("CORNER_DB_URL", postgres.jdbcUrl());
            environment.put("CORNER_DB_USER", "postgres");
            environment.put("CORNER_DB_PASSWORD", postgres.password());
        }
        environment.put(
                "CORNER_MASTER_KEY",
                Files.readString(dataDir.resolve("master.key")).strip());
        environment.put("CORNER_MQTT_BROKER_URL", "tcp://127.0.0.1:" + mqttPort);
        environment.put("CORNER_MQTT_USERNAME", "corner");
        environment.put("CORNER_MQTT_PASSWORD", "corner-secret");
        environment.put("CORNER_MQTT_CLIENT_ID", "corner-node-1");
        cornerPort = CornerProcess.freePort();
        corner = CornerProcess.start(dir, cornerPort, "corner-on-mosquitto", environment);
    }

    private Process start(Path output, String... command) throws IOException {
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
    }

    private void run(String... command) throws Exception {
        var output = dir.resolve("run.out");
        var process = start(output, command);
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as(String.join(" ", command) + ": " + read(output))
                .isZero();
    }

    private static String tail(String text) {
        return text.substring(Math.max(0, text.length() - 6000));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
