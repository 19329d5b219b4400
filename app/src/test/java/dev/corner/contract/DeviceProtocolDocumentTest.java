package dev.corner.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.corner.Api;
import dev.corner.CornerTest;
import dev.corner.DeviceClient;
import dev.corner.Neighbourhood;
import dev.corner.TestClock;
import dev.corner.devices.internal.DeviceSecrets;
import dev.corner.devices.model.DeviceSignature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The worked signing example in docs/device-protocol.md is what the server accepts. */
@CornerTest
class DeviceProtocolDocumentTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    DeviceSecrets secrets;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static Map<String, String> workedExample() throws IOException {
        var doc = Files.readString(Path.of("..", "docs", "device-protocol.md"));
        var block =
                doc.substring(doc.indexOf("<!-- worked-example:start -->"), doc.indexOf("<!-- worked-example:end -->"));
        var values = new LinkedHashMap<String, String>();
        block.lines()
                .filter(line -> line.matches("[a-zA-Z]+:\\s+.*"))
                .forEach(line -> values.put(
                        line.substring(0, line.indexOf(':')),
                        line.substring(line.indexOf(':') + 1).strip()));
        assertThat(values)
                .containsKeys("secret", "method", "path", "timestamp", "nonce", "body", "bodyHash", "signature");
        return values;
    }

    @Test
    void theServersSigningRuleGivesTheDocumentedSignature() throws IOException {
        var ex = workedExample();
        var body = ex.get("body").getBytes(StandardCharsets.UTF_8);
        assertThat(DeviceSignature.sha256Hex(body)).isEqualTo(ex.get("bodyHash"));
        var canonical =
                DeviceSignature.canonical(ex.get("method"), ex.get("path"), ex.get("timestamp"), ex.get("nonce"), body);
        var secret = java.util.Base64.getDecoder().decode(ex.get("secret"));
        assertThat(DeviceSignature.sign(secret, canonical)).isEqualTo(ex.get("signature"));
        assertThat(DeviceClient.signature(
                        ex.get("secret"), ex.get("method"), ex.get("path"), ex.get("timestamp"), ex.get("nonce"), body))
                .isEqualTo(ex.get("signature"));
    }

    @Test
    void theServerAcceptsTheDocumentedRequestAndRefusesItAltered() throws IOException {
        var ex = workedExample();
        var api = new Api(port);
        var town = new Neighbourhood(api);
        var household = town.householdWithButton(town.shop(2));
        var deviceId = household.device().deviceId();
        // Give the device the example's secret, as its maker would have flashed it.
        jdbc.sql("update devices set sealed_secret = :sealed where id = :id")
                .param("sealed", secrets.seal(ex.get("secret")))
                .param("id", deviceId)
                .update();
        clock.setTo(Instant.ofEpochSecond(Long.parseLong(ex.get("timestamp"))));

        Map<String, String> headers = Map.of(
                "X-Corner-Device", deviceId,
                "X-Corner-Timestamp", ex.get("timestamp"),
                "X-Corner-Nonce", ex.get("nonce"),
                "X-Corner-Signature", ex.get("signature"));
        var body = ex.get("body").getBytes(StandardCharsets.UTF_8);

        var altered = api.sendRaw(
                ex.get("method"),
                ex.get("path"),
                null,
                ex.get("body").replace("1}", "2}").getBytes(),
                headers);
        assertThat(altered.status()).isEqualTo(401);

        var accepted = api.sendRaw(ex.get("method"), ex.get("path"), null, body, headers);
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
        assertThat(accepted.text("result")).isEqualTo("ORDER_PLACED");
    }
}
