package dev.corner.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Encrypts secrets at rest with AES-256-GCM: device secrets and webhook signing secrets, which the
 * server must know to compute an HMAC and so cannot hash. They are sealed under a master key that
 * is not in the database: {@code CORNER_MASTER_KEY}, or a key file made once under the data
 * directory.
 */
@Component
public class SecretBox {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 12;

    private final SecretKeySpec key;
    private final SecretKeySpec fingerprintKey;

    SecretBox(@Value("${corner.security.master-key:}") String configured, @Value("${corner.data-dir}") Path dataDir) {
        var master = StringUtils.hasText(configured) ? decode(configured) : keyFile(dataDir);
        this.key = new SecretKeySpec(master, "AES");
        // A key of its own for fingerprints, derived from the master key, never the encryption key itself.
        this.fingerprintKey =
                new SecretKeySpec(hmac(new SecretKeySpec(master, "HmacSHA256"), "corner:fingerprint"), "HmacSHA256");
    }

    /** HMAC-SHA256 of a text under a key derived from the master key, as hex. */
    public String fingerprint(String text) {
        return java.util.HexFormat.of().formatHex(hmac(fingerprintKey, text));
    }

    private static byte[] hmac(SecretKeySpec key, String text) {
        try {
            var mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] seal(byte[] plain) {
        try {
            var nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            var sealed = cipher.doFinal(plain);
            var out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] open(byte[] sealed) {
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, NONCE_BYTES));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a secret cannot be opened with this master key", e);
        }
    }

    private static byte[] decode(String base64) {
        var bytes = Base64.getDecoder().decode(base64.strip());
        if (bytes.length != 32) {
            throw new IllegalStateException("CORNER_MASTER_KEY must be the base64 of 32 bytes");
        }
        return bytes;
    }

    private static byte[] keyFile(Path dataDir) {
        var file = dataDir.resolve("master.key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                var fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                var tmp = Files.createTempFile(dataDir, "master", ".tmp");
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                Files.writeString(tmp, Base64.getEncoder().encodeToString(fresh));
                try {
                    Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException raced) {
                    Files.deleteIfExists(tmp);
                }
            }
            return decode(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
