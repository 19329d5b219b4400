package dev.corner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs requests as device firmware would, written from the protocol document alone (it does not
 * use the server's code), so a test with it checks the server against the specification.
 */
public final class DeviceClient {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Api api;
    private final String deviceId;
    private final String secret;
    private final Clock clock;

    public DeviceClient(Api api, String deviceId, String secret, Clock clock) {
        this.api = api;
        this.deviceId = deviceId;
        this.secret = secret;
        this.clock = clock;
    }

    public Api.Response press(String slotId, String pressId) {
        return post("/device/v1/slots/" + slotId + "/press", "{\"pressId\":\"" + pressId + "\",\"quantity\":1}");
    }

    public Api.Response config() {
        return send("GET", "/device/v1/config", "", clock.instant().getEpochSecond(), newNonce(), secret);
    }

    public Api.Response post(String path, String body) {
        return send("POST", path, body, clock.instant().getEpochSecond(), newNonce(), secret);
    }

    public Api.Response send(String method, String path, String body, long timestamp, String nonce, String secretText) {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        var signature = signature(secretText, method, path, Long.toString(timestamp), nonce, bytes);
        return api.sendRaw(
                method,
                path,
                null,
                bytes,
                Map.of(
                        "X-Corner-Device", deviceId,
                        "X-Corner-Timestamp", Long.toString(timestamp),
                        "X-Corner-Nonce", nonce,
                        "X-Corner-Signature", signature));
    }

    public static String newNonce() {
        var bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public static String signature(
            String secretText, String method, String path, String timestamp, String nonce, byte[] body) {
        try {
            var bodyHash = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(body));
            var canonical = method + "\n" + path + "\n" + timestamp + "\n" + nonce + "\n" + bodyHash;
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secretText), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
