package dev.corner.devices.internal;

import dev.corner.common.Digests;
import dev.corner.common.SecretBox;
import dev.corner.devices.DeviceId;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Makes device secrets and claim codes, and keeps neither in clear. */
@Component
public class DeviceSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    // No 0/O, 1/I/L: a claim code is read off a sticker and typed by a person.
    private static final char[] CLAIM_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final Pattern SPACES_AND_HYPHENS = Pattern.compile("[\\s\\-]+");

    private final SecretBox box;

    DeviceSecrets(SecretBox box) {
        this.box = box;
    }

    /** 32 random bytes, as base64 text: what the maker flashes into the device. */
    public String newSecret() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    public String newClaimCode() {
        var code = new char[10];
        for (int i = 0; i < code.length; i++) {
            code[i] = CLAIM_ALPHABET[RANDOM.nextInt(CLAIM_ALPHABET.length)];
        }
        return new String(code);
    }

    public byte[] seal(String secret) {
        return box.seal(Base64.getDecoder().decode(secret));
    }

    /** The secret's bytes, as the HMAC key. */
    public byte[] open(byte[] sealed) {
        return box.open(sealed);
    }

    /**
     * Keyed with the master key, so a copy of the database alone does not let anyone try the few
     * billion possible codes offline; salted with the device id, so equal codes hash apart.
     */
    public String claimCodeHash(DeviceId device, String claimCode) {
        return box.fingerprint(device.value() + ":" + normalClaimCode(claimCode));
    }

    /** A code as typed from the label: in any case, and in groups split by spaces or hyphens. */
    private static String normalClaimCode(String typed) {
        return SPACES_AND_HYPHENS.matcher(typed).replaceAll("").toUpperCase(Locale.ROOT);
    }

    public boolean claimCodeMatches(DeviceId device, String claimCode, String storedHash) {
        return claimCode != null && Digests.same(claimCodeHash(device, claimCode), storedHash);
    }
}
