package dev.corner.simulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A device's identity and secret, and the signing of device protocol v1, written from the protocol
 * document: {@code base64(HMAC-SHA256(secret, METHOD \n PATH \n TIMESTAMP \n NONCE \n
 * hex(SHA-256(body))))}, the secret being the base64 text given at provisioning, decoded.
 */
public record DeviceCredentials(String deviceId, String secret) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public DeviceCredentials {
        Base64.getDecoder().decode(secret);
    }

    /** One signed request, as it goes into HTTP headers or an MQTT envelope. */
    public record Signed(
            String deviceId,
            String method,
            String path,
            String timestamp,
            String nonce,
            String signature,
            String body) {}

    public Signed sign(String method, String path, String body, long epochSecond) {
        var timestamp = Long.toString(epochSecond);
        var nonce = nonce();
        return new Signed(
                deviceId, method, path, timestamp, nonce, signature(method, path, timestamp, nonce, body), body);
    }

    public String signature(String method, String path, String timestamp, String nonce, String body) {
        var canonical = method + "\n" + path + "\n" + timestamp + "\n" + nonce + "\n"
                + sha256Hex(body.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(hmac(canonical));
    }

    /** The password a device gives the broker: {@code base64(HMAC-SHA256(secret, "mqtt\n" + deviceId))}. */
    public String mqttPassword() {
        return Base64.getEncoder().encodeToString(hmac("mqtt\n" + deviceId));
    }

    private byte[] hmac(String text) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret), "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nonce() {
        var bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public String toString() {
        return "DeviceCredentials[" + deviceId + "]";
    }
}
