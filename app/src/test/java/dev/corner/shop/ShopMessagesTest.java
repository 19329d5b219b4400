package dev.corner.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The household app's texts as the pages render them, in English, German and French. */
class ShopMessagesTest {

    private final ResourceBundleMessageSource messages = messages();

    private static ResourceBundleMessageSource messages() {
        // As Spring Boot sets it up from spring.messages in application.yaml.
        var source = new ResourceBundleMessageSource();
        source.setBasename("i18n/shop");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    @Test
    void theMonthsSavingsReadInTheSingularForOneAndInThePluralForMore() {
        assertThat(text("orders.saved", Locale.ENGLISH, 1L, 1L, 0L))
                .isEqualTo("This month 1 order went out in 1 pickup or delivery: 0 trips saved.");
        assertThat(text("orders.saved", Locale.ENGLISH, 3L, 2L, 1L))
                .isEqualTo("This month 3 orders went out in 2 pickups or deliveries: 1 trip saved.");
        assertThat(text("orders.saved", Locale.GERMAN, 1L, 1L, 0L))
                .isEqualTo("Diesen Monat ging 1 Bestellung in 1 Abholung oder Lieferung: 0 Wege gespart.");
        assertThat(text("orders.saved", Locale.GERMAN, 3L, 2L, 1L))
                .isEqualTo("Diesen Monat gingen 3 Bestellungen in 2 Abholungen oder Lieferungen: 1 Weg gespart.");
        // French counts zero as one: "0 trajet".
        assertThat(text("orders.saved", Locale.FRENCH, 1L, 1L, 0L))
                .isEqualTo("Ce mois-ci, 1 commande est partie en 1 retrait ou livraison\u00a0: 0 trajet économisé.");
        assertThat(text("orders.saved", Locale.FRENCH, 3L, 2L, 2L))
                .isEqualTo(
                        "Ce mois-ci, 3 commandes sont parties en 2 retraits ou livraisons\u00a0: 2 trajets économisés.");
    }

    @Test
    void aLabelsColonFollowsEachLanguagesTypography() {
        assertThat(text("label.colon", Locale.ENGLISH, "Status")).isEqualTo("Status:");
        assertThat(text("label.colon", Locale.GERMAN, "Status")).isEqualTo("Status:");
        assertThat(text("label.colon", Locale.FRENCH, "État")).isEqualTo("État\u00a0:");
    }

    @Test
    void theGermanTextsCallTheCancelWindowStornofristAndASlotFach() throws IOException {
        var german = properties("i18n/shop_de.properties");
        // "Widerruf" is the statutory 14-day right of withdrawal, not the app's cancel window.
        assertThat(german.values()).noneMatch(text -> text.toString().contains("Widerruf"));
        assertThat(german.values()).noneMatch(text -> text.toString().contains("Slot"));
        assertThat(german.getProperty("consent.CANCEL_WINDOW")).startsWith("Stornofrist");
    }

    @Test
    void everyTextExistsInAllThreeLanguages() throws IOException {
        var english = properties("i18n/shop.properties").keySet();
        assertThat(properties("i18n/shop_de.properties").keySet()).isEqualTo(english);
        assertThat(properties("i18n/shop_fr.properties").keySet()).isEqualTo(english);
    }

    private static Properties properties(String path) throws IOException {
        var properties = new Properties();
        try (var in = ShopMessagesTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
