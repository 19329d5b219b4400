package dev.corner.common;

import java.util.Locale;
import java.util.regex.Pattern;

/** Free text from outside (names, addresses, references): trimmed, bounded, no control characters. */
public final class Text {

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private Text() {}

    /** The trimmed text, or a 400 {@code INVALID_<FIELD>} if it is missing, too long or has control characters. */
    public static String require(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw invalid(field, max);
        }
        return optional(value, field, max);
    }

    /** Like {@link #require} but {@code null} stays {@code null}. */
    public static String optional(String value, String field, int max) {
        if (value == null) {
            return null;
        }
        var trimmed = value.strip();
        if (trimmed.length() > max || CONTROL.matcher(trimmed).find()) {
            throw invalid(field, max);
        }
        return trimmed;
    }

    private static CornerException invalid(String field, int max) {
        return CornerException.invalid(
                "INVALID_" + field.toUpperCase(Locale.ROOT),
                field + " must be 1 to " + max + " characters, without control characters");
    }
}
