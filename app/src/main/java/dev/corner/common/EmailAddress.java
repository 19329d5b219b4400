package dev.corner.common;

import java.util.Locale;
import java.util.regex.Pattern;

/** E-mail addresses as Corner accepts them: one plausible address, trimmed and in lower case. */
public final class EmailAddress {

    private static final Pattern SHAPE =
            Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]{2,}");

    private EmailAddress() {}

    public static boolean plausible(String email) {
        return email != null
                && email.length() <= 254
                && SHAPE.matcher(email.strip()).matches();
    }

    /** The address trimmed and in lower case; anything else is {@code 400 INVALID_EMAIL}. */
    public static String normalize(String email) {
        if (!plausible(email)) {
            throw CornerException.invalid("INVALID_EMAIL", "a valid e-mail address is required");
        }
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
