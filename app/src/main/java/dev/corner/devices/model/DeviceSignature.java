package dev.corner.devices.model;

import dev.corner.common.Digests;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Device protocol v1 signing: {@code base64(HMAC-SHA256(secret, canonical))} where canonical is
 * {@code METHOD \n PATH \n TIMESTAMP \n NONCE \n hex(SHA-256(body))} and the secret is the decoded
 * bytes of the base64 text given at provisioning.
 */
public final class DeviceSignature {

    private DeviceSignature() {}

    public static String canonical(String method, String pathWithQuery, String timestamp, String nonce, byte[] body) {
        return method + "\n" + pathWithQuery + "\n" + timestamp + "\n" + nonce + "\n" + sha256Hex(body);
    }

    public static String sign(byte[] secret, String canonical) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison, so timing does not reveal how much of a forged signature was right. */
    public static boolean verify(byte[] secret, String canonical, String presented) {
        return presented != null && Digests.same(sign(secret, canonical), presented.strip());
    }

    /**
     * What a device presents as its password to Corner's embedded MQTT broker: {@code
     * base64(HMAC-SHA256(secret, "mqtt\n" + deviceId))}, so the secret itself never travels.
     */
    public static String brokerPassword(byte[] secret, String deviceId) {
        return sign(secret, "mqtt\n" + deviceId);
    }

    public static String sha256Hex(byte[] body) {
        return Digests.sha256Hex(body);
    }
}
