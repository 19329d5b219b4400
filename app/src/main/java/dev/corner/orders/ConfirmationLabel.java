package dev.corner.orders;

import java.util.Locale;

/**
 * The words on the button that confirms an order. German law (§ 312j BGB) asks for an unambiguous
 * "order with obligation to pay" right at the order; Corner uses the same wording everywhere.
 */
public record ConfirmationLabel(String language, String text) {

    public static final ConfirmationLabel ENGLISH = new ConfirmationLabel("en", "Order with obligation to pay");
    public static final ConfirmationLabel GERMAN = new ConfirmationLabel("de", "Zahlungspflichtig bestellen");
    public static final ConfirmationLabel FRENCH = new ConfirmationLabel("fr", "Commander avec obligation de paiement");

    /** The label in {@code language} (an ISO 639-1 code or a language tag); English otherwise. */
    public static ConfirmationLabel of(String language) {
        var code = language == null
                ? "en"
                : Locale.forLanguageTag(language.strip()).getLanguage();
        return switch (code) {
            case "de" -> GERMAN;
            case "fr" -> FRENCH;
            default -> ENGLISH;
        };
    }
}
