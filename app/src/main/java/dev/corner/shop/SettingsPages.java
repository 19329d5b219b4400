package dev.corner.shop;

import dev.corner.common.Caller;
import dev.corner.common.CornerException;
import dev.corner.common.GeoPoint;
import dev.corner.common.Money;
import dev.corner.devices.HouseholdSettings;
import dev.corner.devices.model.RepeatPresses;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The household's consent mode, cancel window, price guard, limits, and the pause of every device. */
@Controller
@RequestMapping("/shop/settings")
class SettingsPages {

    private final HouseholdApp app;
    private final HouseholdSettings settings;

    SettingsPages(HouseholdApp app, HouseholdSettings settings) {
        this.app = app;
        this.settings = settings;
    }

    @GetMapping
    String form(Caller caller, Model model) {
        var household = app.page(caller, model, "settings");
        model.addAttribute("settings", settings.of(household));
        model.addAttribute("consents", dev.corner.devices.model.Consent.values());
        model.addAttribute("repeats", RepeatPresses.values());
        return "shop/settings";
    }

    @PostMapping
    String save(
            Caller caller,
            @RequestParam(defaultValue = "CANCEL_WINDOW") String consent,
            @RequestParam(defaultValue = "") String cancelWindowMinutes,
            @RequestParam(defaultValue = "") String priceGuardPercent,
            @RequestParam(defaultValue = "") String orderLimit,
            @RequestParam(defaultValue = "") String monthlyLimit,
            @RequestParam(defaultValue = "") String repeatPresses,
            @RequestParam(defaultValue = "") String maxOrderQuantity,
            @RequestParam(defaultValue = "") String latitude,
            @RequestParam(defaultValue = "") String longitude,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var household = app.household(caller);
        try {
            var currency = app.currency(household);
            var order = HouseholdApp.parseMoney(orderLimit, currency, "orderLimit");
            var monthly = HouseholdApp.parseMoney(monthlyLimit, currency, "monthlyLimit");
            settings.change(
                    household,
                    new HouseholdSettings.Changes(
                            DevicePages.consent(consent),
                            whole(cancelWindowMinutes, "cancelWindowMinutes"),
                            whole(priceGuardPercent, "priceGuardPercent"),
                            order == null ? Money.zero(currency) : order,
                            monthly == null ? Money.zero(currency) : monthly,
                            null,
                            null,
                            repeat(repeatPresses),
                            whole(maxOrderQuantity, "maxOrderQuantity"),
                            home(latitude, longitude)));
            redirect.addFlashAttribute("done", "done.settings");
            return "redirect:/shop/settings";
        } catch (CornerException e) {
            DevicePages.refused(e, model, response);
            form(caller, model);
            return "shop/settings";
        }
    }

    /** Pauses or resumes every device of the household at once. */
    @PostMapping("/pause")
    String pause(Caller caller, @RequestParam boolean paused, RedirectAttributes redirect) {
        settings.change(
                app.household(caller),
                new HouseholdSettings.Changes(null, null, null, null, null, null, paused, null, null, null));
        redirect.addFlashAttribute("done", paused ? "done.pausedAll" : "done.resumedAll");
        return "redirect:/shop/settings";
    }

    private static RepeatPresses repeat(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return RepeatPresses.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            throw CornerException.invalid("INVALID_SETTINGS", "repeatPresses is ORDER_IN_PROGRESS or ADD_TO_ORDER");
        }
    }

    /** The home as typed ("52.52" or "52,52"); both blank keep the home as it is. */
    private static GeoPoint home(String latitude, String longitude) {
        if (latitude.isBlank() && longitude.isBlank()) {
            return null;
        }
        try {
            return new GeoPoint(
                    Double.parseDouble(latitude.strip().replace(',', '.')),
                    Double.parseDouble(longitude.strip().replace(',', '.')));
        } catch (NumberFormatException e) {
            throw CornerException.invalid("INVALID_LOCATION", "latitude and longitude are numbers of degrees");
        }
    }

    private static Integer whole(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw CornerException.invalid("INVALID_SETTINGS", field + " must be a whole number");
        }
    }
}
