package dev.corner.common;

import java.security.SecureRandom;

/** Opaque ids: a short prefix naming the kind, then 20 random base-32 characters (100 bits). */
public final class Ids {

    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    public static String next(String prefix) {
        var chars = new char[20];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return prefix + "_" + new String(chars);
    }

    /**
     * Whether a text has the shape of an id: 1 to 64 ASCII letters, digits, '.', '_', ':' or '-'.
     * Checked by hand rather than with a regular expression: every id of every request passes here.
     */
    public static boolean valid(String value) {
        if (value == null || value.isEmpty() || value.length() > 64) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '_'
                    || c == ':'
                    || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
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
