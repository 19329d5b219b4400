package dev.corner.shop;

import dev.corner.catalog.Catalog;
import dev.corner.catalog.Product;
import dev.corner.catalog.ProductId;
import dev.corner.common.Caller;
import dev.corner.common.CornerException;
import dev.corner.common.Money;
import dev.corner.common.Role;
import dev.corner.devices.HouseholdDevices;
import dev.corner.devices.HouseholdSpending;
import dev.corner.notifications.Inbox;
import dev.corner.notifications.LiveNotices;
import dev.corner.notifications.Notification;
import dev.corner.orders.ConfirmationLabel;
import dev.corner.stores.Store;
import dev.corner.stores.StoreId;
import dev.corner.stores.Stores;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every page of the household app needs: the household, the header (unread notices, where its
 * live stream starts), and money, times and names as the household's language writes them.
 * Templates call its public methods as {@code @householdApp.money(…)}.
 */
@Component
class HouseholdApp {

    private final Inbox inbox;
    private final LiveNotices live;
    private final Stores stores;
    private final Catalog catalog;
    private final HouseholdSpending spending;
    private final HouseholdDevices devices;
    private final MessageSource messages;

    HouseholdApp(
            Inbox inbox,
            LiveNotices live,
            Stores stores,
            Catalog catalog,
            HouseholdSpending spending,
            HouseholdDevices devices,
            MessageSource messages) {
        this.inbox = inbox;
        this.live = live;
        this.stores = stores;
        this.catalog = catalog;
        this.spending = spending;
        this.devices = devices;
        this.messages = messages;
    }

    /**
     * The household's latest notices for a page ({@code notices}, {@code noticeLimit}), with the
     * names of its devices ({@code deviceNames}, by id) that {@link #noticeText} writes them with.
     */
    void notices(Caller household, Model model, int limit) {
        model.addAttribute("notices", inbox.of(household, false, limit));
        model.addAttribute("noticeLimit", limit);
        var names = new HashMap<String, String>();
        devices.overview(household).forEach(d -> names.put(d.deviceId().value(), d.serial()));
        model.addAttribute("deviceNames", names);
    }

    /**
     * A notice in the page's language, written from its kind and values, a device by its serial
     * number; the stored English text for a notice without values (written before they were kept).
     */
    public String noticeText(Notification notice, Map<String, String> deviceNames) {
        var values = notice.params();
        var locale = LocaleContextHolder.getLocale();
        var device = deviceNames.getOrDefault(values.get("deviceId"), values.get("deviceId"));
        String key = "notice.text." + notice.kind();
        Object[] args;
        switch (notice.kind()) {
            case Notification.CONFIRMATION_NEEDED ->
                args = values.containsKey("confirmBy")
                        ? new Object[] {
                            money(new Money(Long.parseLong(values.get("amount")), values.get("currency"))),
                            time(Instant.parse(values.get("confirmBy"))),
                            confirmationLabel().text()
                        }
                        : null;
            case Notification.PRESS_REFUSED ->
                args = device == null
                        ? null
                        : new Object[] {
                            device,
                            values.get("slotId"),
                            messages.getMessage(
                                    "notice.reason." + values.get("reason"),
                                    null,
                                    messages.getMessage("notice.reason.OTHER", null, locale),
                                    locale)
                        };
            case Notification.DEVICE_PAUSED -> args = device == null ? null : new Object[] {device};
            case Notification.DEVICE_SILENT -> {
                if (values.containsKey("lastSeenAt")) {
                    args = new Object[] {device, time(Instant.parse(values.get("lastSeenAt")))};
                } else {
                    key += ".never";
                    args = device == null ? null : new Object[] {device};
                }
            }
            default -> args = null;
        }
        return args == null ? notice.text() : messages.getMessage(key, args, notice.text(), locale);
    }

    Caller household(Caller caller) {
        return caller.requireRole(Role.HOUSEHOLD);
    }

    /**
     * The household check and the header every page shows; {@code page} marks the current link. The
     * language links lead to the address shown, so a page that answers a form must name the page a
     * browser can load again with {@link #shownAt}; any other answers its own address.
     */
    Caller page(Caller caller, Model model, String page) {
        var household = household(caller);
        model.addAttribute("page", page);
        if (!model.containsAttribute("here")) {
            var request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
            shownAt(
                    model,
                    UriComponentsBuilder.fromPath(request.getRequestURI())
                            .query(request.getQueryString())
                            .replaceQueryParam("lang")
                            .build()
                            .toUriString());
        }
        model.addAttribute("unread", inbox.unread(household));
        model.addAttribute("streamAfter", live.latest(household));
        model.addAttribute("confirmLabel", confirmationLabel());
        return household;
    }

    /** The page, as a browser loads it again ({@code GET}), that an answer to a form shows. */
    static void shownAt(Model model, String address) {
        model.addAttribute("here", address);
    }

    /** The words on the confirm button in the page's language, exactly as the law wants them. */
    static ConfirmationLabel confirmationLabel() {
        return ConfirmationLabel.of(LocaleContextHolder.getLocale().getLanguage());
    }

    /** The currency the household spends in (its limits', its price caps'); EUR when none is named. */
    String currency(Caller household) {
        return spending.of(household).total().currency();
    }

    /** An amount as the page's language writes it: {@code €4.99}, {@code 4,99 €}. */
    /** A distance in the page's language: "2.5", "2,5", "3". */
    public String kilometres(double km) {
        var format = NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
        format.setMaximumFractionDigits(1);
        return format.format(km);
    }

    public String money(Money money) {
        if (money == null) {
            return "—";
        }
        var currency = Currency.getInstance(money.currency());
        var format = NumberFormat.getCurrencyInstance(LocaleContextHolder.getLocale());
        format.setCurrency(currency);
        var digits = Math.max(0, currency.getDefaultFractionDigits());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(BigDecimal.valueOf(money.amount(), digits));
    }

    /** An amount as typed into a form field: {@code 4.99} (German and French pages accept 4,99 too). */
    public String plain(Money money) {
        if (money == null) {
            return "";
        }
        var digits = Math.max(0, Currency.getInstance(money.currency()).getDefaultFractionDigits());
        return BigDecimal.valueOf(money.amount(), digits).toPlainString();
    }

    /** What a household typed as an amount, in minor units; blank is null. */
    static Money parseMoney(String text, String currency, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            var digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
            var amount = new BigDecimal(text.strip().replace(" ", "").replace(',', '.'));
            if (amount.scale() > digits) {
                throw new NumberFormatException();
            }
            return new Money(
                    amount.movePointRight(digits)
                            .setScale(0, RoundingMode.UNNECESSARY)
                            .longValueExact(),
                    currency);
        } catch (NumberFormatException | ArithmeticException e) {
            throw CornerException.invalid("INVALID_AMOUNT", field + ": '" + text + "' is not an amount");
        }
    }

    /** An instant in the page's language, in UTC. */
    public String time(Instant instant) {
        if (instant == null) {
            return "—";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(LocaleContextHolder.getLocale())
                        .withZone(ZoneOffset.UTC)
                        .format(instant)
                + " UTC";
    }

    public String storeName(StoreId id) {
        return id == null ? "—" : stores.find(id).map(Store::name).orElse(id.value());
    }

    public String productName(ProductId id) {
        return catalog.product(id).map(p -> p.name() + " (" + p.brand() + ")").orElse(id.value());
    }

    Product product(ProductId id) {
        return catalog.requireProduct(id);
    }

    /** The page's language, for links and the confirm button's evidence. */
    static String language() {
        return LocaleContextHolder.getLocale().getLanguage();
    }

    static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
