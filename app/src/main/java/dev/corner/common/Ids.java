package dev.corner.common;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** Opaque ids: a short prefix naming the kind, then 20 random base-32 characters (100 bits). */
public final class Ids {

    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private Ids() {}

    public static String next(String prefix) {
        var chars = new char[20];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return prefix + "_" + new String(chars);
    }

    /** Whether a text has the shape of an id. */
    public static boolean valid(String value) {
        return value != null && CLIENT_ID.matcher(value).matches();
    }

    /** Ids made by clients (sale ids, press ids) and ids we made ourselves share one safe shape. */
    public static String requireValid(String value, String field) {
        if (!valid(value)) {
            throw CornerException.invalid(
                    "INVALID_ID", field + " must be 1 to 64 characters of letters, digits, '.', '_', ':' or '-'");
        }
        return value;
    }
}
