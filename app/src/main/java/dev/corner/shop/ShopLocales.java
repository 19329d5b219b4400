package dev.corner.shop;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The language of the household app: {@code ?lang=de} (or {@code en}, {@code fr}) switches it and a
 * cookie remembers the choice; without one, the browser's Accept-Language picks the best of the
 * three, English when none fits.
 */
@Configuration(proxyBeanMethods = false)
class ShopLocales implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH);

    static final String COOKIE = "corner-lang";

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver(COOKIE) {
            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                super.setLocale(request, response, locale == null ? null : supported(locale));
            }
        };
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(ShopLocales::fromBrowser);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).addPathPatterns("/shop", "/shop/**");
    }

    /** The best of the supported languages that the browser asks for, English when none. */
    static Locale fromBrowser(HttpServletRequest request) {
        for (var asked : Collections.list(request.getLocales())) {
            for (var supported : SUPPORTED) {
                if (supported.getLanguage().equals(asked.getLanguage())) {
                    return supported;
                }
            }
        }
        return Locale.ENGLISH;
    }

    static Locale supported(Locale locale) {
        return SUPPORTED.stream()
                .filter(s -> s.getLanguage().equals(locale.getLanguage()))
                .findFirst()
                .orElse(Locale.ENGLISH);
    }
}
